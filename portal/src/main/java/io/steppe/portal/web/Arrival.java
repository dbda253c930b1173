package io.steppe.portal.web;

import io.steppe.db.net.MacAddress;
import io.steppe.portal.ac.AcRedirect;
import io.steppe.portal.ac.AccessController;
import io.steppe.portal.uam.Gateway;
import io.steppe.portal.uam.UamRedirect;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client sent to the portal by its gateway, checked: a UAM gateway's redirect (the browser ends at the gateway's
 * {@code /logon}), or an access controller's (the portal logs the user on through the AC by the Portal protocol).
 * What the login forms carry back and what a login needs, whichever it is.
 */
sealed interface Arrival {

    /** The device a login binds its voucher or code to. */
    MacAddress clientMac();

    /** The gateway's name, under which its SMS limit counts. */
    String gatewayName();

    /** The redirect's fields as the login forms carry them back, in order. */
    List<LoginPage.Field> fields();

    /** Every field the form carries back that decides where the login goes or whom it is for. */
    String[] csrfFields();

    /** Where, besides the portal, the page's forms and links may go: the gateway's UAM origin, or nothing. */
    String gatewayOrigin();

    Optional<String> userUrl();

    /** Whether {@code peer} is the gateway itself, for all its clients behind its NAT. */
    boolean natted(InetAddress peer);

    /** The query that shows this login page again (in another language, say). */
    default String query() {
        List<String> pairs = new ArrayList<>();
        for (LoginPage.Field f : fields()) {
            if (!f.value().isEmpty()) {
                pairs.add(f.name() + "=" + java.net.URLEncoder.encode(f.value(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return String.join("&", pairs);
    }

    /** A CoovaChilli-style gateway's redirect. */
    record Uam(UamRedirect redirect, Gateway gateway) implements Arrival {
        @Override
        public MacAddress clientMac() {
            return redirect.clientMac().orElseThrow();
        }

        @Override
        public String gatewayName() {
            return gateway.name();
        }

        @Override
        public List<LoginPage.Field> fields() {
            return List.of(new LoginPage.Field("uamip", redirect.uamIp()), new LoginPage.Field("uamport", Integer.toString(redirect.uamPort())),
                    new LoginPage.Field("challenge", redirect.challengeHex()),
                    new LoginPage.Field("mac", redirect.clientMac().map(Object::toString).orElse("")),
                    new LoginPage.Field("nasid", redirect.nasId().orElse("")), new LoginPage.Field("userurl", redirect.userUrl().orElse("")));
        }

        @Override
        public String[] csrfFields() {
            return LoginForms.csrfFields(redirect);
        }

        @Override
        public String gatewayOrigin() {
            return LoginForms.gatewayOrigin(redirect);
        }

        @Override
        public Optional<String> userUrl() {
            return redirect.userUrl();
        }

        @Override
        public boolean natted(InetAddress peer) {
            return gateway.range().contains(peer);
        }

        /** The gateway's own origin as the UAM redirect's first page links to it, not the fields' query. */
        @Override
        public String query() {
            return "uamip=" + redirect.uamIp() + "&uamport=" + redirect.uamPort();
        }
    }

    /** An access controller's redirect; the AC is registered for the Portal protocol. */
    record Ac(AcRedirect redirect, AccessController controller) implements Arrival {
        @Override
        public MacAddress clientMac() {
            return redirect.userMac();
        }

        @Override
        public String gatewayName() {
            return controller.name();
        }

        @Override
        public List<LoginPage.Field> fields() {
            return List.of(new LoginPage.Field("wlanuserip", redirect.userIp().getHostAddress()),
                    new LoginPage.Field("wlanusermac", redirect.userMac().toString()),
                    new LoginPage.Field("wlanacname", controller.name()),
                    new LoginPage.Field("wlanapmac", redirect.apMac().orElse("")), new LoginPage.Field("ssid", redirect.ssid().orElse("")),
                    new LoginPage.Field("wlanuserfirsturl", redirect.userUrl().orElse("")));
        }

        @Override
        public String[] csrfFields() {
            return new String[] {"ac", controller.name(), redirect.userIp().getHostAddress(), redirect.userMac().toString(),
                    redirect.userUrl().orElse("")};
        }

        @Override
        public String gatewayOrigin() {
            return "";
        }

        @Override
        public Optional<String> userUrl() {
            return redirect.userUrl();
        }

        @Override
        public boolean natted(InetAddress peer) {
            return peer.equals(controller.portal().getAddress());
        }
    }
}
