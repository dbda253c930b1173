package io.steppe.radius.packet;

/** Numbers of the standard attributes Steppe reads or writes itself, with the RFC that defines each. */
public final class Attributes {

    /** RFC 2865 §5.1. */
    public static final int USER_NAME = 1;
    /** RFC 2865 §5.2. */
    public static final int USER_PASSWORD = 2;
    /** RFC 2865 §5.3. */
    public static final int CHAP_PASSWORD = 3;
    /** RFC 2865 §5.4. */
    public static final int NAS_IP_ADDRESS = 4;
    /** RFC 2865 §5.5. */
    public static final int NAS_PORT = 5;
    /** RFC 2865 §5.8. */
    public static final int FRAMED_IP_ADDRESS = 8;
    /** RFC 2865 §5.18. */
    public static final int REPLY_MESSAGE = 18;
    /** RFC 2865 §5.25. */
    public static final int CLASS = 25;
    /** RFC 2865 §5.26. */
    public static final int VENDOR_SPECIFIC = 26;
    /** RFC 2865 §5.27. */
    public static final int SESSION_TIMEOUT = 27;
    /** RFC 2865 §5.28. */
    public static final int IDLE_TIMEOUT = 28;
    /** RFC 2865 §5.30. */
    public static final int CALLED_STATION_ID = 30;
    /** RFC 2865 §5.31. */
    public static final int CALLING_STATION_ID = 31;
    /** RFC 2865 §5.32. */
    public static final int NAS_IDENTIFIER = 32;
    /** RFC 2865 §5.33. */
    public static final int PROXY_STATE = 33;
    /** RFC 2866 §5.1. */
    public static final int ACCT_STATUS_TYPE = 40;
    /** RFC 2866 §5.2. */
    public static final int ACCT_DELAY_TIME = 41;
    /** RFC 2866 §5.3. */
    public static final int ACCT_INPUT_OCTETS = 42;
    /** RFC 2866 §5.4. */
    public static final int ACCT_OUTPUT_OCTETS = 43;
    /** RFC 2866 §5.5. */
    public static final int ACCT_SESSION_ID = 44;
    /** RFC 2866 §5.7. */
    public static final int ACCT_SESSION_TIME = 46;
    /** RFC 2866 §5.10. */
    public static final int ACCT_TERMINATE_CAUSE = 49;
    /** RFC 2869 §5.1. */
    public static final int ACCT_INPUT_GIGAWORDS = 52;
    /** RFC 2869 §5.2. */
    public static final int ACCT_OUTPUT_GIGAWORDS = 53;
    /** RFC 2869 §5.3. */
    public static final int EVENT_TIMESTAMP = 55;
    /** RFC 2865 §5.40. */
    public static final int CHAP_CHALLENGE = 60;
    /** RFC 2865 §5.41. */
    public static final int NAS_PORT_TYPE = 61;
    /** RFC 3579 §3.2. */
    public static final int MESSAGE_AUTHENTICATOR = 80;
    /** RFC 2869 §5.16. */
    public static final int ACCT_INTERIM_INTERVAL = 85;
    /** RFC 5176 §3.6. */
    public static final int ERROR_CAUSE = 101;

    private Attributes() {
    }
}
