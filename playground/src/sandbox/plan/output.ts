/**
 * Keeps a step's stdout and stderr up to a shared byte limit and streams them as text. Past the
 * limit the learner keeps what was printed, followed by a visible marker; the caller kills the step.
 */
import { StringDecoder } from 'node:string_decoder';
import { outputTruncatedMarker } from './limits.ts';

/** Which pipe a chunk came from. */
export type StreamName = 'stdout' | 'stderr';

/** Collects both streams of one step. */
export class OutputCollector {
  private readonly chunks: Record<StreamName, Buffer[]> = { stdout: [], stderr: [] };
  private readonly decoders: Record<StreamName, StringDecoder> = {
    stdout: new StringDecoder('utf8'),
    stderr: new StringDecoder('utf8'),
  };
  private kept = 0;
  private marker: { stream: StreamName; text: string } | null = null;
  private readonly limitBytes: number;
  private readonly onText: ((stream: StreamName, text: string) => void) | undefined;

  constructor(limitBytes: number, onText?: (stream: StreamName, text: string) => void) {
    this.limitBytes = limitBytes;
    this.onText = onText;
  }

  /** True once the limit was passed. */
  get overflowed(): boolean {
    return this.marker !== null;
  }

  /** Adds a chunk; returns false when this chunk passed the limit (the caller should kill the step). */
  push(stream: StreamName, chunk: Buffer): boolean {
    if (this.marker) return false;
    const room = this.limitBytes - this.kept;
    const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
    this.kept += part.length;
    this.chunks[stream].push(part);
    if (part.length > 0) this.emit(stream, this.decoders[stream].write(part));
    if (part.length === chunk.length) return true;
    const text = outputTruncatedMarker(this.limitBytes);
    this.marker = { stream, text };
    this.emit(stream, this.decoders[stream].end() + text);
    return false;
  }

  /** The text of one stream as the learner sees it (marker included where the limit hit). */
  text(stream: StreamName): string {
    const body = Buffer.concat(this.chunks[stream]).toString('utf8');
    return this.marker?.stream === stream ? body + this.marker.text : body;
  }

  /** Emits any partial UTF-8 sequence still held by the decoders (call once at the end). */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.marker?.stream !== stream) this.emit(stream, this.decoders[stream].end());
    }
  }

  private emit(stream: StreamName, text: string): void {
    if (text && this.onText) this.onText(stream, text);
  }
}
