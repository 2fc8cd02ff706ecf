// User annotations: a task with a child task, regions (one nested) and logs.
package main

import (
	"context"
	"fmt"
	"runtime/trace"
	"sync"
	"time"
)

func main() {
	ctx, order := trace.NewTask(context.Background(), "makeCoffee")
	trace.Log(ctx, "orderID", "42")
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		milkCtx, milk := trace.NewTask(ctx, "steamMilk")
		trace.WithRegion(milkCtx, "steam", func() { time.Sleep(2 * time.Millisecond) })
		milk.End()
	}()
	trace.WithRegion(ctx, "extract", func() {
		trace.WithRegion(ctx, "grind", func() { time.Sleep(time.Millisecond) })
		trace.Logf(ctx, "shots", "%d", 2)
	})
	wg.Wait()
	order.End()
	fmt.Println("coffee ready")
}
