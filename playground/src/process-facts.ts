/** The server process's own memory and age, as GET /api/health reports them. */
export function processFacts(): { rssMiB: number; heapUsedMiB: number; uptimeS: number } {
  return {
    rssMiB: Math.round(process.memoryUsage.rss() / 2 ** 20),
    heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    uptimeS: Math.round(process.uptime()),
  };
}
