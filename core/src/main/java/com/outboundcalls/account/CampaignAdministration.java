package com.outboundcalls.account;

import com.outboundcalls.account.AccountRecords.CampaignWrite;
import com.outboundcalls.account.AccountRecords.Change;
import com.outboundcalls.account.AccountRecords.VersionedCampaign;
import com.outboundcalls.account.RequestRefused.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A client's campaigns: created and changed with their rules checked whole (caller ID, calling hours,
 * priority, dates, purpose, instructions within Connect's attribute budget), started, paused, resumed, finished.
 */
public final class CampaignAdministration {

    private final AccountLedger ledger;
    private final String defaultCallerId;

    CampaignAdministration(AccountLedger ledger, String defaultCallerId) {
        this.ledger = ledger;
        this.defaultCallerId = defaultCallerId;
    }

    /**
     * A campaign's settings; on an update, a null field is left as it is. {@code agents} (the dialing mode, the
     * routing queue of the provider's agents, the abandonment target) only an operator sets.
     */
    public record CampaignSettings(Campaign.Purpose purpose, String callerId, Campaign.CallerIdSource callerIdSource,
                                   String instructionsRef, String instructions, String callingHours, Integer priority,
                                   LocalDate startsOn, LocalDate endsOn, Boolean answeringMachineDetection,
                                   AgentAssistance agents) {

        public CampaignSettings(Campaign.Purpose purpose, String callerId, Campaign.CallerIdSource callerIdSource,
                                String instructionsRef, String instructions, String callingHours, Integer priority,
                                LocalDate startsOn, LocalDate endsOn, Boolean answeringMachineDetection) {
            this(purpose, callerId, callerIdSource, instructionsRef, instructions, callingHours, priority, startsOn,
                    endsOn, answeringMachineDetection, null);
        }
    }

    public VersionedCampaign createCampaign(Actor actor, String clientId, String campaignId, CampaignSettings settings) {
        AccountRules.requireScope(actor, clientId);
        ClientProfile profile = ledger.profileOf(clientId);
        if (campaignId == null || !AccountRules.ID.matcher(campaignId).matches()) {
            throw RequestRefused.Invalid.field("campaignId", "2 to 40 lower-case letters, digits or dashes");
        }
        Campaign draft = campaign(actor, profile, new Campaign(clientId, campaignId, Campaign.Status.DRAFT, null, null, 1,
                Campaign.Purpose.CUSTOMER_SERVICE), settings, true);
        ledger.records().commit(new Change(List.of(new CampaignWrite(draft, 0)), List.of(ledger.entry(actor, clientId,
                "campaign.created", "campaign/" + campaignId, Map.of(), AuditFields.of(draft)))));
        return new VersionedCampaign(draft, 1);
    }

    public VersionedCampaign updateCampaign(Actor actor, String clientId, String campaignId, long version,
                                            CampaignSettings settings) {
        AccountRules.requireScope(actor, clientId);
        ClientProfile profile = ledger.profileOf(clientId);
        VersionedCampaign before = ledger.currentCampaign(clientId, campaignId, version);
        if (before.campaign().status() == Campaign.Status.FINISHED) {
            throw new RequestRefused.Conflict("campaign " + campaignId + " is finished");
        }
        Campaign after = campaign(actor, profile, before.campaign(), settings, false);
        if (after.isActive()) {
            startable(profile, after);
        }
        return ledger.saveCampaign(actor, before, after, "campaign.updated");
    }

    public enum CampaignAction { START, PAUSE, RESUME, FINISH }

    /** Starts, pauses, resumes or finishes a campaign; {@code version} may be null to act on the current one. */
    public VersionedCampaign act(Actor actor, String clientId, String campaignId, CampaignAction action, Long version) {
        AccountRules.requireScope(actor, clientId);
        ClientProfile profile = ledger.profileOf(clientId);
        VersionedCampaign before = version == null ? ledger.records().campaign(clientId, campaignId)
                .orElseThrow(() -> new RequestRefused.NotFound("campaign " + campaignId))
                : ledger.currentCampaign(clientId, campaignId, version);
        Campaign.Status from = before.campaign().status();
        Campaign.Status to = switch (action) {
            case START -> from == Campaign.Status.DRAFT ? Campaign.Status.ACTIVE : null;
            case PAUSE -> from == Campaign.Status.ACTIVE ? Campaign.Status.PAUSED : null;
            case RESUME -> from == Campaign.Status.PAUSED ? Campaign.Status.ACTIVE : null;
            case FINISH -> from != Campaign.Status.FINISHED ? Campaign.Status.FINISHED : null;
        };
        if (to == null) {
            throw new RequestRefused.Conflict("a " + from + " campaign cannot " + action.name().toLowerCase(Locale.ROOT));
        }
        Campaign after = before.campaign().withStatus(to);
        if (to == Campaign.Status.ACTIVE) {
            startable(profile, after);
        }
        String verb = switch (action) {
            case START -> "started";
            case PAUSE -> "paused";
            case RESUME -> "resumed";
            case FINISH -> "finished";
        };
        return ledger.saveCampaign(actor, before, after, "campaign." + verb);
    }

    private Campaign campaign(Actor actor, ClientProfile profile, Campaign base, CampaignSettings s, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (s.agents() != null && !actor.isOperator()) {
            // The agents and their queues are the provider's: a client cannot route its calls to another's agents.
            errors.add(new FieldError("agents", "set by the provider's operators, as the contract sells agents"));
        }
        Campaign.CallerIdSource source = AccountRules.or(s.callerIdSource(), base.callerIdSource());
        String callerId = s.callerId() != null ? s.callerId() : base.callerId();
        if (s.callerId() != null || s.callerIdSource() != null) {
            callerIdError(profile, source, callerId).ifPresent(errors::add);
        }
        String hours = s.callingHours() != null ? s.callingHours() : base.callingHours();
        if (s.callingHours() != null) {
            try {
                CallingWindow.parse(s.callingHours());
            } catch (RuntimeException e) {
                errors.add(new FieldError("callingHours", e.getMessage()));
            }
        }
        int priority = s.priority() != null ? s.priority() : base.priority();
        if (priority < 1 || priority > 10) {
            errors.add(new FieldError("priority", "1 (lowest) to 10"));
        }
        LocalDate startsOn = s.startsOn() != null ? s.startsOn() : base.startsOn();
        LocalDate endsOn = s.endsOn() != null ? s.endsOn() : base.endsOn();
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new FieldError("endsOn", "before startsOn " + startsOn));
        }
        if (creating && endsOn != null && endsOn.isBefore(ledger.today())) {
            errors.add(new FieldError("endsOn", "already past"));
        }
        Campaign.Purpose purpose = AccountRules.or(s.purpose(), base.purpose());
        if (!creating && s.purpose() != null && s.purpose() != base.purpose()
                && base.status() != Campaign.Status.DRAFT) {
            errors.add(new FieldError("purpose", "can only change while the campaign is a draft"));
        }
        AccountRules.refuseIf(errors);
        Campaign campaign = new Campaign(base.clientId(), base.campaignId(), base.status(), callerId,
                s.instructionsRef() != null ? s.instructionsRef() : base.instructionsRef(), priority, purpose, hours,
                source, s.instructions() != null ? s.instructions() : base.instructions(),
                s.answeringMachineDetection() != null ? s.answeringMachineDetection() : base.answeringMachineDetection(),
                startsOn, endsOn, s.agents() != null ? s.agents() : base.agents());
        CallAttributes.refusal(campaign).ifPresent(why -> {
            throw RequestRefused.Invalid.field("instructions", why);
        });
        return campaign;
    }

    /** Why this caller ID may not be set on a campaign of the client, if it may not. */
    private Optional<FieldError> callerIdError(ClientProfile profile, Campaign.CallerIdSource source, String callerId) {
        if (callerId == null) {
            return source == Campaign.CallerIdSource.CLIENT
                    ? Optional.of(new FieldError("callerId", "required when the campaign presents the client's own number"))
                    : Optional.empty();
        }
        Optional<String> ranges = CallerIdPolicy.refusal(callerId);
        if (ranges.isPresent()) {
            return Optional.of(new FieldError("callerId", ranges.get()));
        }
        if (source == Campaign.CallerIdSource.PROVIDER && !profile.providerNumbers().contains(callerId)) {
            return Optional.of(new FieldError("callerId", "not one of the provider's numbers assigned to this client"));
        }
        if (source == Campaign.CallerIdSource.CLIENT) {
            Client.OwnNumber own = profile.client().ownNumbers().get(callerId);
            if (own == null || own.verification() == Client.Verification.REJECTED
                    || own.verification() == Client.Verification.REVOKED) {
                return Optional.of(new FieldError("callerId", "not one of the client's own numbers submitted for "
                        + "verification"));
            }
        }
        return Optional.empty();
    }

    /** Refuses to make a campaign active when it could not place a call. */
    private void startable(ClientProfile profile, Campaign campaign) {
        if (!profile.client().mayPlaceCalls()) {
            throw new RequestRefused.Conflict("the account is " + profile.client().status() + ": no campaign can run");
        }
        if (campaign.endsOn() != null && campaign.endsOn().isBefore(ledger.today())) {
            throw new RequestRefused.Conflict("the campaign ended on " + campaign.endsOn());
        }
        CallerIdPolicy.refusal(campaign, profile.client(), defaultCallerId).ifPresent(why -> {
            throw new RequestRefused.Conflict("the campaign cannot present its caller ID: " + why);
        });
    }
}
