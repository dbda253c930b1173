package io.steppe.ops.cli;

import io.steppe.ops.UserError;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.packet.Vendor;
import io.steppe.portal.ac.AccessController;
import io.steppe.portal.ac.AccessControllers;
import io.steppe.portal.ac.PortalProtocol;
import io.steppe.portal.uam.UamAddresses;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code steppe nas add|list|remove}: the gateways (RADIUS clients). */
@Command(name = "nas", mixinStandardHelpOptions = true, description = "Register, list and remove gateways (RADIUS clients).")
public final class NasCommand implements Runnable {

    private final CliContext context;

    public NasCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new UserError("nas needs a subcommand: add, list or remove (see 'steppe nas --help')");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a gateway.")
    int add(@Option(names = "--name", required = true, description = "unique name, e.g. jining-gw1") String name,
            @Option(names = "--ip", required = true, paramLabel = "ADDRESS|CIDR", description = "source address or range") String ip,
            @Option(names = "--secret", required = true, description = "RADIUS shared secret") String secret,
            @Option(names = "--uam-secret", description = "CoovaChilli UAM secret") String uamSecret,
            @Option(names = "--coa-port", defaultValue = "3799", description = "CoA/Disconnect port (default ${DEFAULT-VALUE})") int coaPort,
            @Option(names = "--require-message-authenticator", defaultValue = "auto", paramLabel = "yes|no|auto",
                    description = "BlastRADIUS policy (default ${DEFAULT-VALUE})") String requireMa,
            @Option(names = "--uam-chap", description = "the portal logs users on with a CHAP response (response=) instead of password=")
            boolean uamChap,
            @Option(names = "--uam-address", split = ",", paramLabel = "ADDRESS",
                    description = "an address the gateway's redirects may name as uamip (repeatable or comma-separated);"
                            + " the portal sends browsers nowhere else. Needed without --uam-secret") List<String> uamAddresses,
            @Option(names = "--portal-protocol", paramLabel = "huawei-v1|huawei-v2|cmcc-v1|cmcc-v2",
                    description = "the gateway is an access controller that speaks the CMCC/Huawei Portal protocol"
                            + " (Huawei: huawei-v1/v2; H3C server-type cmcc and Ruijie cmcc-ext1: cmcc-v1/v2)") String portalProtocol,
            @Option(names = "--portal-secret", description = "the Portal protocol's shared secret (the AC's web-auth-server key)") String portalSecret,
            @Option(names = "--portal-port", defaultValue = "2000", description = "the AC's Portal port (default ${DEFAULT-VALUE})") int portalPort,
            @Option(names = "--portal-address", paramLabel = "ADDRESS",
                    description = "the AC's address for the Portal protocol (default: --ip, when that is one address)") String portalAddress,
            @Option(names = "--vendor", paramLabel = "generic|huawei|h3c|ruijie",
                    description = "whose gateway it is, for the rate attributes of its replies (default: huawei for"
                            + " --portal-protocol huawei-*, else generic)") String vendorName) {
        Optional<PortalProtocol> protocol = portalProtocol(portalProtocol, portalSecret, portalPort);
        Vendor vendor = vendor(vendorName, protocol);
        InetAddress acAddress = protocol.isPresent() ? acAddress(portalAddress, ip) : null;
        Nas nas = new Nas(name, NasAddress.parse(ip), secret, Optional.ofNullable(uamSecret), coaPort,
                MessageAuthenticatorPolicy.parse(requireMa), MessageAuthenticatorPolicy.AUTO);
        List<InetAddress> addresses = uamAddresses == null ? List.of() : uamAddresses.stream().map(NasCommand::literal).toList();
        if (secret.length() < 16) {
            context.err().println("steppe: warning: a shared secret shorter than 16 characters is easy to guess");
        }
        context.withDatabase(db -> {
            NasRepository gateways = new NasRepository(db.dsl(), context.keys());
            AccessControllers controllers = new AccessControllers(db.dsl(), context.keys());
            if (protocol.isPresent() && controllers.at(acAddress).isPresent()) {
                throw new UserError("another AC is registered at portal address " + acAddress.getHostAddress());
            }
            gateways.add(nas, context.actor());
            if (uamChap) {
                gateways.setUamChap(nas.name(), true, context.actor());
            }
            if (vendor != Vendor.GENERIC) {
                gateways.setVendor(nas.name(), vendor, context.actor());
            }
            if (!addresses.isEmpty()) {
                new UamAddresses(db.dsl()).set(nas.name(), addresses, context.actor());
            }
            if (protocol.isPresent()) {
                controllers.register(nas.name(), protocol.get(), portalSecret, acAddress, portalPort, context.actor());
            }
            return null;
        });
        context.out().println("gateway " + nas.name() + " registered for " + nas.address()
                + (protocol.isPresent() ? ", Portal protocol " + protocol.get().label() + " at " + acAddress.getHostAddress() + ":" + portalPort : ""));
        if (uamSecret == null && addresses.isEmpty() && protocol.isEmpty()) {
            context.err().println("steppe: note: without --uam-secret or --uam-address the portal refuses this gateway's redirects"
                    + " (RADIUS, vouchers typed on the gateway and MAC logins still work)");
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the gateways (secrets are not shown).")
    int list() {
        List<NasRepository.Registered> all = context.withDatabase(db -> new NasRepository(db.dsl(), context.keys()).listRegistered());
        Map<String, List<String>> uamAddresses = context.withDatabase(db -> new UamAddresses(db.dsl()).all());
        Map<String, AccessController> controllers = context.withDatabase(db -> new AccessControllers(db.dsl(), context.keys()).all())
                .stream().collect(Collectors.toMap(AccessController::name, c -> c));
        context.out().printf("%-24s %-28s %-8s %-5s %-16s %-16s %-8s %s%n", "NAME", "ADDRESS", "COA-PORT", "UAM", "REQUIRE-MSG-AUTH",
                "UAM-ADDRESSES", "VENDOR", "PORTAL-PROTOCOL");
        for (NasRepository.Registered registered : all) {
            Nas nas = registered.nas();
            List<String> uam = uamAddresses.getOrDefault(nas.name(), List.of());
            AccessController ac = controllers.get(nas.name());
            context.out().printf("%-24s %-28s %-8d %-5s %-16s %-16s %-8s %s%n", nas.name(), nas.address(), nas.coaPort(),
                    nas.uamSecret().isPresent() ? "yes" : "no", nas.requireMessageAuthenticator().value(),
                    uam.isEmpty() ? "-" : String.join(",", uam), registered.vendor().label(),
                    ac == null ? "-" : ac.protocol().label() + " " + ac.portal().getAddress().getHostAddress() + ":" + ac.portal().getPort());
        }
        return 0;
    }

    private static Optional<PortalProtocol> portalProtocol(String protocol, String secret, int port) {
        if (protocol == null) {
            if (secret != null) {
                throw new UserError("--portal-secret needs --portal-protocol");
            }
            return Optional.empty();
        }
        PortalProtocol parsed;
        try {
            parsed = PortalProtocol.parse(protocol);
        } catch (IllegalArgumentException e) {
            throw new UserError("--portal-protocol: " + e.getMessage());
        }
        if (secret == null || secret.isEmpty()) {
            throw new UserError("--portal-protocol needs --portal-secret, the key configured on the AC");
        }
        if (port < 1 || port > 65535) {
            throw new UserError("--portal-port must be between 1 and 65535, was " + port);
        }
        return Optional.of(parsed);
    }

    private static Vendor vendor(String name, Optional<PortalProtocol> protocol) {
        if (name == null) {
            return protocol.filter(p -> p.label().startsWith("huawei")).isPresent() ? Vendor.HUAWEI : Vendor.GENERIC;
        }
        try {
            return Vendor.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--vendor: " + e.getMessage());
        }
    }

    /** Where the portal sends to the AC: given, or the gateway's one address. */
    private static InetAddress acAddress(String given, String ip) {
        if (given != null) {
            return literal(given, "--portal-address");
        }
        NasAddress range = NasAddress.parse(ip);
        if (!range.isSingleHost()) {
            throw new UserError("--ip " + ip + " is a range: give the AC's own address with --portal-address");
        }
        return range.network();
    }

    /** An address literal; a host name is refused, since the portal compares uamip with these as given. */
    private static InetAddress literal(String text) {
        return literal(text, "--uam-address");
    }

    private static InetAddress literal(String text, String option) {
        InetAddress address = io.netty.util.NetUtil.createInetAddressFromIpAddressString(text.trim());
        if (address == null) {
            throw new UserError(option + " must be an IP address, was '" + text.trim() + "'");
        }
        return address;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a gateway.")
    int remove(@Parameters(paramLabel = "NAME", description = "the gateway's name") String name) {
        boolean removed = context.withDatabase(db -> new NasRepository(db.dsl(), context.keys()).remove(name, context.actor()));
        if (!removed) {
            throw new UserError("no gateway named '" + name + "'");
        }
        context.out().println("gateway " + name + " removed");
        return 0;
    }
}
