package io.steppe.portal.sms;

/**
 * The configured limits on sending codes; those per number and per device or address are fixed (see
 * {@link SmsLogin}).
 *
 * @param gatewayPerMinute codes one gateway may ask for per minute ({@code STEPPE_SMS_GATEWAY_LIMIT})
 * @param hourlyBudget     codes all gateways together may ask for per hour ({@code STEPPE_SMS_HOURLY_BUDGET})
 */
public record SmsLimits(int gatewayPerMinute, int hourlyBudget) {

    /**
     * The default hourly budget: about ten times the codes a city this size asks for in its busiest hour (returning
     * devices log in by MAC, tourist desks hand out vouchers), so no honest hour reaches it, while a pump through
     * every gateway at once is stopped within the hour at a bill of about 1,000 SMS (¥50 within China, a few hundred
     * yuan to Mongolia and Russia) and raises an alert.
     */
    public static final int DEFAULT_HOURLY_BUDGET = 1_000;
    /** Codes per gateway per minute by default: a busy square, not a flood. */
    public static final int DEFAULT_GATEWAY_PER_MINUTE = 60;
    public static final SmsLimits DEFAULTS = new SmsLimits(DEFAULT_GATEWAY_PER_MINUTE, DEFAULT_HOURLY_BUDGET);

    public SmsLimits {
        if (gatewayPerMinute < 1) {
            throw new IllegalArgumentException("the per-gateway SMS limit must be at least 1, was " + gatewayPerMinute);
        }
        if (hourlyBudget < 1) {
            throw new IllegalArgumentException("the hourly SMS budget must be at least 1, was " + hourlyBudget);
        }
    }
}
