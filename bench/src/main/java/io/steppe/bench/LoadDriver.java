package io.steppe.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import io.steppe.radius.packet.DatagramCheck;
import io.steppe.radius.packet.ReplyDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generator's state machine, run entirely on one event loop so it needs no locks: a tick moves the run
 * through warm-up, measuring and draining, sends what is due, and expires unanswered requests; each batch of
 * replies frees slots and, without a rate, refills the window at once. Completes {@code done} when the last
 * measured request is answered or lost, which is at most the plan's {@link RadiusBenchPlan#longest()} after start.
 */
final class LoadDriver {

    private static final Logger LOG = LoggerFactory.getLogger(LoadDriver.class);
    private static final long MIN_TICK = TimeUnit.MILLISECONDS.toNanos(1);
    /** Each wake-up of the loop costs tens of µs on a VM: without a rate, replies drive the sending and the tick only keeps time. */
    private static final long MAX_TICK = TimeUnit.MILLISECONDS.toNanos(10);
    /** Requests per tick at most in rate mode: bursts short enough not to queue at the server, few enough wake-ups. */
    private static final int BURST = 4;
    private static final long EXPIRY_SCAN = TimeUnit.MILLISECONDS.toNanos(50);

    private enum Phase { WARMUP, MEASURING, DRAINING, DONE }

    private final RadiusBenchPlan plan;
    private final BenchRequests requests;
    private final ReplyDecoder replies = new ReplyDecoder();
    private final byte[] secret;
    private final Channel[] channels;
    private final boolean[] unflushed;
    private final InFlight inFlight;
    private final EventLoop loop;
    private final Promise<BenchResult> done;
    private final CpuClock clientCpu;
    private final CpuClock serverCpu;
    private final String transport;
    private final long tickNanos;
    private final Tally tally = new Tally();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final byte[] reply = new byte[DatagramCheck.MAX_LENGTH];

    private Phase phase = Phase.WARMUP;
    private long startedAt;
    private long measuringSince;
    private long measuredNanos;
    private long sequence;
    private long offered;
    private long lastExpiry;
    private Optional<Duration> clientCpuAtStart = Optional.empty();
    private Optional<Duration> serverCpuAtStart = Optional.empty();
    private Optional<Duration> clientCpuUsed = Optional.empty();
    private Optional<Duration> serverCpuUsed = Optional.empty();
    private ScheduledFuture<?> ticker;

    /** @param channels connected source ports, filled in before {@link #start()} */
    LoadDriver(RadiusBenchPlan plan, BenchRequests requests, Channel[] channels, EventLoop loop, Promise<BenchResult> done,
               CpuClock clientCpu, CpuClock serverCpu, String transport) {
        this.plan = plan;
        this.requests = requests;
        this.secret = plan.secret().getBytes(StandardCharsets.UTF_8);
        this.channels = channels;
        this.unflushed = new boolean[channels.length];
        this.inFlight = new InFlight(channels.length, plan.window());
        this.loop = loop;
        this.done = done;
        this.clientCpu = clientCpu;
        this.serverCpu = serverCpu;
        this.transport = transport;
        this.tickNanos = plan.unthrottled() ? MAX_TICK
                : Math.max(MIN_TICK, Math.min(MAX_TICK, BURST * 1_000_000_000L / plan.ratePerSecond()));
    }

    /** Starts the run; call on the event loop. */
    void start() {
        startedAt = System.nanoTime();
        lastExpiry = startedAt;
        ticker = loop.scheduleAtFixedRate(this::tick, 0, tickNanos, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            if (phase == Phase.WARMUP && now - startedAt >= plan.warmup().toNanos()) {
                phase = Phase.MEASURING;
                measuringSince = now;
                clientCpuAtStart = clientCpu.used();
                serverCpuAtStart = serverCpu.used();
            }
            if (phase == Phase.MEASURING && now - measuringSince >= plan.duration().toNanos()) {
                phase = Phase.DRAINING;
                measuredNanos = now - measuringSince;
                clientCpuUsed = difference(clientCpuAtStart, clientCpu.used());
                serverCpuUsed = difference(serverCpuAtStart, serverCpu.used());
            }
            if (now - lastExpiry >= EXPIRY_SCAN || phase == Phase.DRAINING) {
                lastExpiry = now;
                expire(now);
            }
            if (phase == Phase.DRAINING && inFlight.outstanding() == 0) {
                finish();
                return;
            }
            pump(now);
        } catch (RuntimeException e) {
            ticker.cancel(false);
            phase = Phase.DONE;
            done.tryFailure(e);
        }
    }

    /** Sends what is due: in rate mode what the clock says, else until the window is full. */
    private void pump(long now) {
        if (phase != Phase.WARMUP && phase != Phase.MEASURING) {
            return;
        }
        boolean measuring = phase == Phase.MEASURING;
        long due = Long.MAX_VALUE;
        if (!plan.unthrottled()) {
            due = (long) ((now - startedAt) / 1e9 * plan.ratePerSecond()) - offered;
            offered += Math.max(0, due);
        }
        long sent = 0;
        while (sent < due) {
            int slot = inFlight.acquire();
            if (slot < 0) {
                break;
            }
            send(slot, measuring);
            sent++;
        }
        if (measuring && !plan.unthrottled() && due > sent) {
            tally.behind += due - sent;
        }
        for (int c = 0; c < channels.length; c++) {
            if (unflushed[c]) {
                unflushed[c] = false;
                channels[c].flush();
            }
        }
    }

    private void send(int slot, boolean measuring) {
        int length = requests.write(sequence++, InFlight.identifier(slot));
        byte[] request = requests.packet();
        Channel channel = channels[InFlight.channel(slot)];
        ByteBuf datagram = channel.alloc().directBuffer(length).writeBytes(request, 0, length);
        inFlight.sent(slot, System.nanoTime(), request, measuring);
        if (measuring) {
            tally.sent++;
        }
        channel.write(datagram, channel.voidPromise());
        unflushed[InFlight.channel(slot)] = true;
    }

    /** One reply datagram on source port {@code channel}; the caller releases {@code content}. */
    void onReply(int channel, ByteBuf content) {
        long now = System.nanoTime();
        int length = content.readableBytes();
        if (length > reply.length) {
            tally.errors++;
            return;
        }
        content.getBytes(content.readerIndex(), reply, 0, length);
        int declared = DatagramCheck.declaredLength(reply, length);
        if (declared < 0) {
            tally.errors++;
            return;
        }
        int slot = InFlight.slot(channel, reply[1] & 0xff);
        if (!inFlight.busy(slot)) {
            tally.unmatched++;
            return;
        }
        if (!replies.verify(reply, declared, inFlight.authenticators(), slot * 16, secret)) {
            tally.invalid++;
            return;
        }
        boolean measured = inFlight.measured(slot);
        long elapsed = now - inFlight.sentAt(slot);
        inFlight.release(slot);
        if (measured) {
            tally.answered(reply[0] & 0xff);
            latency.record(elapsed);
        }
    }

    /** After a batch of reads: the window has room again, or the last measured request is answered. */
    void afterReads() {
        if (phase == Phase.DRAINING && inFlight.outstanding() == 0) {
            finish();
        } else if (plan.unthrottled()) {
            pump(System.nanoTime());
        }
    }

    void onError(Throwable cause) {
        tally.errors++;
        if (tally.errors == 1) {
            LOG.warn("bench: socket error, counted and ignored: {}", cause.toString());
        }
    }

    /** Frees the slots of requests unanswered for longer than the timeout; measured ones are lost. */
    private void expire(long now) {
        if (inFlight.outstanding() == 0) {
            return;
        }
        long limit = plan.timeout().toNanos();
        for (int slot = 0; slot < inFlight.slots(); slot++) {
            if (inFlight.busy(slot) && now - inFlight.sentAt(slot) > limit) {
                if (inFlight.measured(slot)) {
                    tally.lost++;
                }
                inFlight.release(slot);
            }
        }
    }

    private void finish() {
        phase = Phase.DONE;
        ticker.cancel(false);
        done.trySuccess(BenchResult.of(transport, Duration.ofNanos(measuredNanos), tally, latency, clientCpuUsed, serverCpuUsed));
    }

    private static Optional<Duration> difference(Optional<Duration> from, Optional<Duration> to) {
        return from.flatMap(f -> to.map(t -> t.minus(f)));
    }
}
