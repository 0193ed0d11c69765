package com.outboundcalls.account;

import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NightlyHousekeepingTest {

    private static Client client(String id, Client.AccountStatus status) {
        return new Client(id, id.toUpperCase(), "FR", new Client.Tariff(3, Duration.ofHours(1)), status, null);
    }

    @Test
    void everyClientTerminatedOnesIncludedIsAskedForOnceForTheNightInParis() {
        InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts()
                .with(client("acme", Client.AccountStatus.ACTIVE))
                .with(client("globex", Client.AccountStatus.SUSPENDED))
                .with(client("initech", Client.AccountStatus.TERMINATED));
        List<String> asked = new ArrayList<>();
        List<LocalDate> nights = new ArrayList<>();
        NightlyHousekeeping nightly = new NightlyHousekeeping(accounts, (clientIds, night) -> {
            asked.addAll(clientIds);
            nights.add(night);
        });

        // 23:30 UTC on 30 November is half past midnight on 1 December in Paris.
        assertEquals(3, nightly.requestAll(Instant.parse("2026-11-30T23:30:00Z")));
        assertEquals(List.of("acme", "globex", "initech"), asked.stream().sorted().toList());
        assertEquals(List.of(LocalDate.of(2026, 12, 1)), nights);
    }
}
