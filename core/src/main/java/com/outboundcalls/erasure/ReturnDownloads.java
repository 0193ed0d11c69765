package com.outboundcalls.erasure;

import com.outboundcalls.time.Zones;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The download of a terminated client's returned data, by the token its mail carries: the archive while its data is
 * kept, nothing once deleted, nothing for a token no return was given (only the token's digest is stored).
 */
public final class ReturnDownloads {

    private final ContractEndData.Stages stages;
    private final Clock clock;

    public ReturnDownloads(ContractEndData.Stages stages, Clock clock) {
        this.stages = stages;
        this.clock = clock;
    }

    /** The key of the archive a download token gives, while the data is kept; empty otherwise. */
    public Optional<String> archiveFor(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        LocalDate today = clock.instant().atZone(Zones.BILLING).toLocalDate();
        return stages.byTokenDigest(ContractEndData.digest(token))
                .filter(s -> !s.deleted() && today.isBefore(s.deleteOn())).map(ContractEndData.Stage::archiveKey);
    }
}
