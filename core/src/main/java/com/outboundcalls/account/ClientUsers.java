package com.outboundcalls.account;

import com.outboundcalls.account.AccountRecords.Change;
import com.outboundcalls.account.AccountRecords.UserWrite;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The people who may use a client's space: an operator invites a client's first administrator, who invites its
 * colleagues; removing a user, or terminating the client, ends its access. Each change is audited.
 */
final class ClientUsers {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AccountLedger ledger;
    private final UserDirectory directory;

    ClientUsers(AccountLedger ledger, UserDirectory directory) {
        this.ledger = ledger;
        this.directory = directory;
    }

    ClientUser invite(Actor actor, String clientId, String email, ClientRole role) {
        AccountRules.requireScope(actor, clientId);
        requireUsers(actor);
        String address = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        if (address == null || !EMAIL.matcher(address).matches()) {
            throw RequestRefused.Invalid.field("email", "an e-mail address");
        }
        if (role == null) {
            throw RequestRefused.Invalid.field("role", "one of ADMINISTRATEUR, SUPERVISEUR, FINANCE");
        }
        ClientProfile profile = ledger.profileOf(clientId);
        if (profile.client().status() == Client.AccountStatus.TERMINATED) {
            throw new RequestRefused.Conflict("the account is terminated");
        }
        Optional<ClientUser> existing = ledger.records().user(address);
        if (existing.isPresent() && existing.get().isActive()) {
            throw new RequestRefused.Conflict(address + " already has access to a client space");
        }
        // The identity provider first: a retry after a failure in between finds the user there and goes on.
        directory.invite(address, clientId, role);
        ClientUser user = new ClientUser(address, clientId, role, ClientUser.Status.ACTIVE, actor.principal(),
                ledger.clock().instant());
        ledger.records().commit(new Change(List.of(new UserWrite(user, existing.isPresent())),
                List.of(ledger.entry(actor, clientId, "user.invited", "user/" + address, Map.of(),
                        Map.of("role", role.name())))));
        return user;
    }

    void remove(Actor actor, String clientId, String email) {
        AccountRules.requireScope(actor, clientId);
        requireUsers(actor);
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        ClientUser user = ledger.records().user(address).filter(u -> u.clientId().equals(clientId) && u.isActive())
                .orElseThrow(() -> new RequestRefused.NotFound("user " + address));
        if (actor.principal().equals("user:" + address)) {
            throw new RequestRefused.Conflict("a user cannot remove itself: another administrator does");
        }
        ledger.records().commit(new Change(List.of(new UserWrite(user.removed(), true)),
                List.of(ledger.entry(actor, clientId, "user.removed", "user/" + address,
                        Map.of("role", user.role().name()), Map.of()))));
        directory.disable(address);
    }

    List<ClientUser> list(Actor actor, String clientId) {
        AccountRules.requireScope(actor, clientId);
        requireUsers(actor);
        return ledger.records().users(clientId);
    }

    private static void requireUsers(Actor actor) {
        if (!actor.may(ClientRole.Capability.USERS)) {
            throw new RequestRefused.Forbidden("the " + actor.role() + " role does not manage users");
        }
    }
}
