package io.steppe.portal.sms;

/**
 * Delivers a one-time code. Implementations: {@link WebhookSmsSender} (a provider), {@link LogSmsSender} (development)
 * and {@link OutboxSmsSender} (the demo). With none configured the portal offers no SMS login.
 */
public interface SmsSender {

    /**
     * @throws SmsNotSent when the message could not be handed over; the user is told and may try again
     */
    void send(PhoneNumber to, String text);

    /** The provider refused or could not be reached. */
    final class SmsNotSent extends RuntimeException {
        public SmsNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
