package io.steppe.controller.heartbeat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One report from an AP. Ratios are 0..1; what the AP did not send is empty.
 *
 * @param sentAt    when the AP says it sent it (the receive time when it did not say)
 * @param interval  how often it reports ({@code interval_s}, default 30 s)
 * @param cpuLoad   share of the CPU busy ({@code load})
 * @param memory    share of the memory used ({@code memory})
 * @param clients   associated clients over all radios
 * @param radios    per radio
 * @param backhaul  the uplink as the AP measures it
 * @param firmware  the running firmware version
 */
public record Heartbeat(Instant sentAt, Duration interval, OptionalLong uptimeSeconds, OptionalDouble cpuLoad,
                        OptionalDouble memory, OptionalInt clients, List<Radio> radios, Optional<Backhaul> backhaul,
                        Optional<String> firmware) {

    /**
     * One radio: band ({@code 2.4}, {@code 5}, {@code 6} GHz; empty when the AP named none Steppe could read), channel,
     * transmit power, noise floor, utilisation, retries.
     */
    public record Radio(Optional<String> band, OptionalInt channel, OptionalDouble txPowerDbm, OptionalDouble noiseDbm,
                        OptionalDouble utilization, OptionalDouble retries, OptionalInt clients) {
    }

    /** Round-trip time and loss to the AP's uplink target. */
    public record Backhaul(OptionalDouble rttMs, OptionalDouble loss) {
    }

    public Heartbeat {
        radios = List.copyOf(radios);
    }

    /** The busiest radio's channel utilisation. */
    public OptionalDouble channelUtilization() {
        return max(radios.stream().map(Radio::utilization).toList());
    }

    /** The noisiest radio's noise floor. */
    public OptionalDouble noiseDbm() {
        return max(radios.stream().map(Radio::noiseDbm).toList());
    }

    /** The worst radio's retry share. */
    public OptionalDouble retries() {
        return max(radios.stream().map(Radio::retries).toList());
    }

    private static OptionalDouble max(List<OptionalDouble> values) {
        return values.stream().filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).max();
    }
}
