package com.outboundcalls.account;

import java.util.List;
import java.util.Optional;

/**
 * Numbers automated calls may present in France (ARCEP décision 2022-1583): the 0162, 0163, 0270, 0271, 0377,
 * 0378, 0424, 0425, 0568, 0569, 0948, 0949 and 09475–09479 ranges; never a 06 or 07 mobile number.
 */
public final class CallerIdPolicy {

    private static final List<String> ALLOWED = List.of("+33162", "+33163", "+33270", "+33271", "+33377", "+33378",
            "+33424", "+33425", "+33568", "+33569", "+33948", "+33949", "+339475", "+339476", "+339477", "+339478",
            "+339479");

    private CallerIdPolicy() {
    }

    /**
     * Why a campaign may not present its caller ID (its own, or the provider's default when it names none),
     * or empty when it may: the number must be in ARCEP's ranges and, when it is the client's own number,
     * verified in the client's profile.
     */
    public static Optional<String> refusal(Campaign campaign, Client client, String defaultCallerId) {
        String callerId = campaign.callerId() != null ? campaign.callerId() : defaultCallerId;
        Optional<String> ranges = refusal(callerId);
        if (ranges.isPresent() || campaign.callerIdSource() != Campaign.CallerIdSource.CLIENT) {
            return ranges;
        }
        Client.OwnNumber own = client.ownNumbers().get(callerId);
        if (own == null) {
            return Optional.of("the caller ID " + callerId + " is not among the client's own numbers");
        }
        if (own.verification() != Client.Verification.VERIFIED) {
            return Optional.of("the client's right to present " + callerId + " is " + own.verification()
                    .name().toLowerCase(java.util.Locale.ROOT) + ", not verified");
        }
        return Optional.empty();
    }

    /** Why a caller ID may not be presented, or empty when it may. */
    public static Optional<String> refusal(String callerId) {
        if (callerId == null || !callerId.matches("\\+[1-9][0-9]{6,14}")) {
            return Optional.of("the caller ID " + callerId + " is not an E.164 number");
        }
        if (!callerId.startsWith("+33")) {
            return Optional.empty();
        }
        if (callerId.startsWith("+336") || callerId.startsWith("+337")) {
            return Optional.of("the caller ID is a 06/07 mobile number, which automated calls may not present "
                    + "(ARCEP décision 2022-1583)");
        }
        if (callerId.length() != 12 || ALLOWED.stream().noneMatch(callerId::startsWith)) {
            return Optional.of("the caller ID is outside the ranges ARCEP allows for automated calls (0162, 0163, "
                    + "0270, 0271, 0377, 0378, 0424, 0425, 0568, 0569, 0948, 0949, 09475-09479)");
        }
        return Optional.empty();
    }
}
