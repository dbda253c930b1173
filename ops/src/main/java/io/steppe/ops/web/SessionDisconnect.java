package io.steppe.ops.web;

import io.steppe.radius.RadiusService;
import io.steppe.radius.coa.CoaResult;
import io.steppe.radius.coa.SessionTerminator;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An operator ending a session: a Disconnect-Request to its gateway, awaited for the gateway's answer. */
@Singleton
final class SessionDisconnect {

    private final RadiusService radius;

    SessionDisconnect(RadiusService radius) {
        this.radius = radius;
    }

    /**
     * @throws NoSuchSession if no session {@code id} is open
     * @throws GatewaySilent if the gateway's answer could not be awaited
     */
    CoaResult end(String id, String actor) throws InterruptedException {
        var sent = radius.terminator().disconnect(id, SessionTerminator.Reason.OPERATOR, actor).orElseThrow(() -> new NoSuchSession(id));
        try {
            return sent.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Future.get's checked exceptions, named for what they mean here
            throw new GatewaySilent(e.getMessage());
        }
    }
}
