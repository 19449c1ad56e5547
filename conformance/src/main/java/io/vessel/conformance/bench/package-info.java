/**
 * The API benchmark, {@code ./vessel bench api [--quick] [--out FILE] [--resource pods|services]}.
 *
 * <p>One run starts its own durable PostgreSQL (zonky binaries, {@code synchronous_commit=on},
 * {@code fsync=on}) and a Vessel on it with the launcher ({@code vessel up --detach
 * --postgres-url}), then measures, in order:
 *
 * <ol>
 *   <li>the raw PostgreSQL baseline ({@link io.vessel.conformance.bench.PgBaseline}): one-row
 *       insert and update transactions of a stored object's size, 32 at a time;
 *   <li>Vessel creates and updates (PUT with resourceVersion) from 32 HTTPS clients, and the ratio
 *       to the baseline ({@link io.vessel.conformance.bench.WritePhases});
 *   <li>GET by name from 32 clients, and LISTs of every object from the watch cache and from
 *       PostgreSQL ({@link io.vessel.conformance.bench.ReadPhases});
 *   <li>watch fan-out: many watch streams over HTTP/2 while writers create objects at a fixed rate;
 *       every stream is checked for lost, repeated and reordered events ({@link
 *       io.vessel.conformance.bench.WatchFanout}, {@link
 *       io.vessel.conformance.bench.WatchVerdict});
 *   <li>the server's resident memory, idle and with the objects stored.
 * </ol>
 *
 * <p>While each phase runs it also records who used the CPUs ({@link
 * io.vessel.conformance.bench.CpuUsage}) and what Vessel's PostgreSQL sessions were doing ({@link
 * io.vessel.conformance.bench.PgWaitSampler}), which is where the notes on bottlenecks come from.
 * Results are printed as one table and written as JSON ({@link
 * io.vessel.conformance.bench.BenchReport}); the targets are reported, never asserted. The run
 * fails (exit 1) only on a correctness failure: an operation that errored, a LIST that missed
 * objects, or a watch stream that lost, repeated or reordered an event.
 *
 * <p>Black box: like the rest of this module it reaches Vessel only through the launcher, HTTPS and
 * {@code /proc}, never through server classes.
 */
package io.vessel.conformance.bench;
