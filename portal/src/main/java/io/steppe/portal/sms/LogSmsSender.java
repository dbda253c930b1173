package io.steppe.portal.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For development ({@code STEPPE_SMS=log}): writes each message, code included, to the log with the number
 * masked, and sends nothing. Whoever reads the log can log in as anyone who asked for a code, so it is never
 * the default.
 */
public final class LogSmsSender implements SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(LogSmsSender.class);

    @Override
    public void send(PhoneNumber to, String text) {
        LOG.info("SMS to {}: {}", to.masked(), text);
    }
}
