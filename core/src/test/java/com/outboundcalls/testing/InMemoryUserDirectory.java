package com.outboundcalls.testing;

import com.outboundcalls.account.ClientRole;
import com.outboundcalls.account.RequestRefused;
import com.outboundcalls.account.UserDirectory;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The client space's sign-in directory in memory: who was invited, for which client and role, who was disabled. */
public final class InMemoryUserDirectory implements UserDirectory {

    public record Invited(String clientId, ClientRole role) {
    }

    public final Map<String, Invited> invited = new LinkedHashMap<>();
    public final Set<String> disabled = new HashSet<>();

    @Override
    public synchronized void invite(String email, String clientId, ClientRole role) {
        Invited existing = invited.get(email);
        if (existing != null && !disabled.contains(email) && !existing.equals(new Invited(clientId, role))) {
            throw new RequestRefused.Conflict(email + " is a user of another client or role");
        }
        invited.put(email, new Invited(clientId, role));
        disabled.remove(email);
    }

    @Override
    public synchronized void disable(String email) {
        disabled.add(email);
    }
}
