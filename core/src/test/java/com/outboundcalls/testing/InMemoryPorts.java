package com.outboundcalls.testing;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.Contact;
import com.outboundcalls.contact.ContactBook;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.ContactTransition;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.dial.CallLines;
import com.outboundcalls.dial.CallLog;
import com.outboundcalls.dial.CallRecord;
import com.outboundcalls.dial.DialPacer;
import com.outboundcalls.dial.OutboundCalls;
import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.ingest.ContactStore.AddResult;
import com.outboundcalls.ingest.ContactStore.Outcome;
import com.outboundcalls.ingest.ContactStore;
import com.outboundcalls.ingest.FileLedger;
import com.outboundcalls.rate.Price;
import com.outboundcalls.rate.RatedCall;
import com.outboundcalls.rate.RatedCallStore;
import com.outboundcalls.time.Zones;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/** In-memory ports with the same conditional semantics as the DynamoDB adapters, for unit tests. */
public final class InMemoryPorts {

    /** Contact ids under a key only tests use. */
    public static final com.outboundcalls.ingest.ContactIds CONTACT_IDS =
            com.outboundcalls.ingest.ContactIds.keyed("a key that only the unit tests use, 32+ bytes long");
    private InMemoryPorts() {
    }

    public static final class Accounts implements AccountDirectory {
        public final Map<String, Client> clients = new LinkedHashMap<>();
        public final Map<String, Campaign> campaigns = new LinkedHashMap<>();

        public Accounts with(Client client, Campaign... cs) {
            clients.put(client.clientId(), client);
            for (Campaign c : cs) {
                campaigns.put(c.key(), c);
            }
            return this;
        }

        /** How many times a client's profile was read. */
        public int clientReads;

        @Override
        public Optional<Client> client(String clientId) {
            clientReads++;
            return Optional.ofNullable(clients.get(clientId));
        }

        @Override
        public Optional<Campaign> campaign(String clientId, String campaignId) {
            return Optional.ofNullable(campaigns.get(clientId + "#" + campaignId));
        }

        @Override
        public List<Campaign> activeCampaigns() {
            return campaigns.values().stream().filter(Campaign::isActive).toList();
        }

        @Override
        public List<Client> clients() {
            return List.copyOf(clients.values());
        }
    }

    /** Contacts and their state machine; every transition checks the state it leaves. */
    public static final class Contacts implements ContactBook, ContactStore, com.outboundcalls.contact.ContactRecord.Source,
            com.outboundcalls.contact.ContactRecord.Pages {
        @Override
        public synchronized com.outboundcalls.contact.ContactRecord.Page page(String campaignKey, String cursor,
                                                                                int limit) {
            List<com.outboundcalls.contact.ContactRecord> after = new ArrayList<>();
            forEachInCampaign(campaignKey, c -> {
                if (cursor == null || c.contactId().compareTo(cursor) > 0) {
                    after.add(c);
                }
            });
            after.sort(java.util.Comparator.comparing(com.outboundcalls.contact.ContactRecord::contactId));
            List<com.outboundcalls.contact.ContactRecord> page = after.subList(0, Math.min(limit, after.size()));
            return new com.outboundcalls.contact.ContactRecord.Page(page,
                    after.size() > limit ? page.get(page.size() - 1).contactId() : null);
        }


        @Override
        public synchronized void forEachInCampaign(String campaignKey,
                                                   java.util.function.Consumer<com.outboundcalls.contact.ContactRecord> consumer) {
            for (Map.Entry<String, Contact> e : List.copyOf(contacts.entrySet())) {
                if (e.getKey().startsWith(campaignKey + "|")) {
                    Contact c = e.getValue();
                    consumer.accept(new com.outboundcalls.contact.ContactRecord(c.contactId(), c.e164(),
                            sourceFile.get(e.getKey()), sourceRow.getOrDefault(e.getKey(), 0L).intValue(), c.status(),
                            c.attempts(), c.uncountedAttempts(), c.dueAt(), List.of()));
                }
            }
        }
        private final Map<String, Contact> contacts = new LinkedHashMap<>();
        private final Map<String, String> sourceFile = new HashMap<>();

        private static String key(String campaignKey, String contactId) {
            return campaignKey + "|" + contactId;
        }

        private final Map<String, Long> sourceRow = new HashMap<>();
        public int batches;
        /** Each contact's expiry, once given one (the key as {@code campaignKey|contactId}). */
        public final Map<String, Instant> expiries = new HashMap<>();

        @Override
        public synchronized int deleteCampaign(String campaignKey, int limit) {
            List<String> keys = contacts.keySet().stream().filter(k -> k.startsWith(campaignKey + "|")).limit(limit)
                    .toList();
            keys.forEach(k -> erase(campaignKey, k.substring(campaignKey.length() + 1)));
            return keys.size();
        }

        @Override
        public synchronized boolean erase(String campaignKey, String contactId) {
            sourceFile.remove(key(campaignKey, contactId));
            sourceRow.remove(key(campaignKey, contactId));
            expiries.remove(key(campaignKey, contactId));
            return contacts.remove(key(campaignKey, contactId)) != null;
        }

        @Override
        public synchronized int expireBy(String campaignKey, Instant expiresAt, int limit) {
            int given = 0;
            for (String k : contacts.keySet()) {
                if (given < limit && k.startsWith(campaignKey + "|") && !expiries.containsKey(k)) {
                    expiries.put(k, expiresAt);
                    given++;
                }
            }
            return given;
        }

        @Override
        public List<AddResult> addAll(List<NewContact> batch) {
            batches++;
            List<AddResult> results = new java.util.ArrayList<>();
            for (NewContact c : batch) {
                String k = key(c.clientId() + "#" + c.campaignId(), c.contactId());
                if (contacts.containsKey(k)) {
                    if (!c.sourceFile().equals(sourceFile.get(k))) {
                        results.add(AddResult.of(Outcome.ALREADY_IN_CAMPAIGN));
                    } else if (sourceRow.get(k) == c.sourceRow()) {
                        results.add(AddResult.of(Outcome.ALREADY_ADDED_BY_THIS_ROW));
                    } else {
                        results.add(new AddResult(Outcome.EARLIER_ROW_OF_THIS_FILE, sourceRow.get(k)));
                    }
                    continue;
                }
                contacts.put(k, new Contact(c.clientId(), c.campaignId(), c.contactId(), c.e164(), c.region(),
                        c.numberType(), c.attributes(), ContactStatus.CALLABLE, 0, c.dueAt(), null, 0));
                sourceFile.put(k, c.sourceFile());
                sourceRow.put(k, c.sourceRow());
                results.add(AddResult.of(Outcome.ADDED));
            }
            return results;
        }

        public List<Contact> all() {
            return List.copyOf(contacts.values());
        }

        private Contact with(Contact c, ContactStatus status, int attempts, Instant dueAt, String connectId) {
            return new Contact(c.clientId(), c.campaignId(), c.contactId(), c.e164(), c.region(), c.numberType(),
                    c.attributes(), status, attempts, dueAt, connectId, c.uncountedAttempts());
        }

        @Override
        public List<HopperEntry> due(String campaignKey, Instant now, int limit) {
            return contacts.values().stream()
                    .filter(c -> (c.clientId() + "#" + c.campaignId()).equals(campaignKey))
                    .filter(c -> c.status() == ContactStatus.CALLABLE || c.status() == ContactStatus.QUEUED)
                    .filter(c -> !c.dueAt().isAfter(now))
                    .sorted(java.util.Comparator.comparing(Contact::dueAt)).limit(limit)
                    .map(c -> new HopperEntry(campaignKey, c.contactId(), c.region(), c.attempts(), c.dueAt()))
                    .toList();
        }

        /** Applies a transition of the contact's state machine when it allows it, as the stored one would. */
        private boolean apply(ContactTransition transition, String campaignKey, String contactId, Instant now,
                              int attempt, String connectContactId, java.util.function.UnaryOperator<Contact> change) {
            Contact c = contacts.get(key(campaignKey, contactId));
            if (!transition.allows(c, now, attempt, connectContactId)) {
                return false;
            }
            contacts.put(key(campaignKey, contactId), change.apply(c));
            return true;
        }

        @Override
        public boolean claimForQueue(String campaignKey, String contactId, Instant now, Instant leaseUntil) {
            return apply(ContactTransition.CLAIM_FOR_QUEUE, campaignKey, contactId, now, 0, null,
                    c -> with(c, ContactStatus.QUEUED, c.attempts(), leaseUntil, null));
        }

        @Override
        public void deferTo(String campaignKey, String contactId, Instant dueAt, Instant now) {
            apply(ContactTransition.DEFER, campaignKey, contactId, now, 0, null,
                    c -> with(c, ContactStatus.CALLABLE, c.attempts(), dueAt, null));
        }

        /** How many times a contact was read through {@link #get}. */
        public int reads;

        @Override
        public Optional<Contact> get(String campaignKey, String contactId) {
            reads++;
            return Optional.ofNullable(contacts.get(key(campaignKey, contactId)));
        }

        @Override
        public boolean markDialing(String campaignKey, String contactId, int attempt, String connectContactId,
                                   Instant at) {
            return apply(ContactTransition.MARK_DIALING, campaignKey, contactId, at, attempt, null,
                    c -> with(c, ContactStatus.DIALING, attempt, null, connectContactId));
        }

        @Override
        public void returnToHopper(String campaignKey, String contactId, Instant dueAt, String reason) {
            apply(ContactTransition.RETURN_TO_HOPPER, campaignKey, contactId, dueAt, 0, null,
                    c -> with(c, ContactStatus.CALLABLE, c.attempts(), dueAt, null));
        }

        @Override
        public boolean settleUncounted(String campaignKey, String contactId, String connectContactId, Instant dueAt,
                                       String outcome, Instant at, com.outboundcalls.contact.CallTally tally,
                                       String preferredAgent) {
            boolean applied = apply(ContactTransition.SETTLE_UNCOUNTED, campaignKey, contactId, at, 0, connectContactId,
                    c -> new Contact(c.clientId(), c.campaignId(), c.contactId(), c.e164(), c.region(), c.numberType(),
                            c.attributes(), ContactStatus.CALLABLE, c.attempts(), dueAt, c.connectContactId(),
                            c.uncountedAttempts() + 1, preferredAgent));
            if (applied) {
                count(campaignKey, tally);
            }
            return applied;
        }

        /** What settled calls added to each campaign's counters (by campaign key), and per call ended (in order). */
        public final Map<String, Map<String, Long>> tallies = new HashMap<>();
        public final List<Map.Entry<String, com.outboundcalls.contact.CallTally>> talliesInOrder = new ArrayList<>();

        private void count(String campaignKey, com.outboundcalls.contact.CallTally tally) {
            if (tally.isEmpty()) {
                return;
            }
            tally.counts().forEach((k, v) -> tallies.computeIfAbsent(campaignKey, x -> new HashMap<>())
                    .merge(k, v, Long::sum));
            talliesInOrder.add(Map.entry(campaignKey, tally));
        }

        /** The pacing's view: what the campaign's calls ended within the 24 hours before {@code now} added. */
        public com.outboundcalls.dial.PacingStats last24Hours(String campaignKey, Instant now) {
            Map<String, Long> sum = new HashMap<>();
            talliesInOrder.stream().filter(e -> e.getKey().equals(campaignKey))
                    .filter(e -> !e.getValue().endedAt().isAfter(now)
                            && e.getValue().endedAt().isAfter(now.minus(java.time.Duration.ofHours(24))))
                    .forEach(e -> e.getValue().counts().forEach((k, v) -> sum.merge(k, v, Long::sum)));
            return com.outboundcalls.dial.PacingStats.of(sum);
        }

        @Override
        public void markOpposed(String campaignKey, String contactId, Instant at) {
            apply(ContactTransition.MARK_OPPOSED, campaignKey, contactId, at, 0, null,
                    c -> with(c, ContactStatus.OPPOSED, c.attempts(), null, null));
        }

        @Override
        public void markUndialable(String campaignKey, String contactId, String reason, Instant at) {
            apply(ContactTransition.MARK_UNDIALABLE, campaignKey, contactId, at, 0, null,
                    c -> with(c, ContactStatus.NOT_REACHED, c.attempts(), null, null));
        }

        @Override
        public boolean settle(String campaignKey, String contactId, String connectContactId, ContactStatus next,
                              Instant dueAt, String outcome, Instant at, com.outboundcalls.contact.CallTally tally) {
            ContactStatus reached = ContactTransition.SETTLE.target(next);
            boolean applied = apply(ContactTransition.SETTLE, campaignKey, contactId, at, 0, connectContactId,
                    c -> with(c, reached, c.attempts(), dueAt, c.connectContactId()));
            if (applied) {
                outcomes.put(key(campaignKey, contactId), outcome);
                count(campaignKey, tally);
            }
            return applied;
        }

        /** The outcome each contact was last settled with. */
        public final Map<String, String> outcomes = new HashMap<>();

        public String outcomeOf(String campaignKey, String contactId) {
            return outcomes.get(key(campaignKey, contactId));
        }
    }

    /** Lines, pacing slots and call records. */
    public static final class CallControl implements CallLines, DialPacer, CallLog {
        public final Set<String> lines = new HashSet<>();
        public final Map<String, Instant> heldSince = new HashMap<>();
        /** When the next claimed line is taken (tests move it). */
        public Instant claimedAt = Instant.EPOCH;

        @Override
        public List<HeldLine> held() {
            List<HeldLine> held = new ArrayList<>();
            for (String token : lines) {
                String connectId = records.values().stream().filter(r -> r.clientToken().equals(token))
                        .map(CallRecord::connectContactId).findFirst().orElse(null);
                held.add(new HeldLine(token, heldSince.getOrDefault(token, Instant.EPOCH), connectId));
            }
            return held;
        }
        public final Map<Long, Integer> slots = new HashMap<>();
        public final Map<String, CallRecord> records = new HashMap<>();
        public int maxLines = 10;
        public int perSecond = 2;
        /** Makes the next record() fail, as a container dying after the Connect call would. */
        public boolean failNextRecord;

        @Override
        public int active() {
            return lines.size();
        }

        @Override
        public Claim claim(String clientToken) {
            if (lines.contains(clientToken)) {
                return Claim.ALREADY_HELD;
            }
            if (lines.size() >= maxLines) {
                return Claim.FULL;
            }
            lines.add(clientToken);
            heldSince.put(clientToken, claimedAt);
            return Claim.ACQUIRED;
        }

        @Override
        public boolean release(String clientToken) {
            heldSince.remove(clientToken);
            return lines.remove(clientToken);
        }

        @Override
        public boolean tryTake(long epochSecond) {
            int taken = slots.getOrDefault(epochSecond, 0);
            if (taken >= perSecond) {
                return false;
            }
            slots.put(epochSecond, taken + 1);
            return true;
        }

        @Override
        public void record(CallRecord call) {
            if (failNextRecord) {
                failNextRecord = false;
                throw new IllegalStateException("container died");
            }
            records.put(call.connectContactId(), call);
        }

        @Override
        public Optional<CallRecord> find(String connectContactId) {
            return Optional.ofNullable(records.get(connectContactId));
        }
    }

    /** Connect as the dialer sees it: a ClientToken returns its first contact. */
    /** Seats of agent-assisted calls per queue, and each queue's agents as a test sets them. */
    public static final class Agents implements com.outboundcalls.dial.AgentSeats, com.outboundcalls.dial.AgentQueues {
        public final Map<String, String> seatQueue = new HashMap<>();
        public final Map<String, com.outboundcalls.dial.QueueMetrics> metrics = new HashMap<>();

        @Override
        public com.outboundcalls.dial.QueueMetrics current(String queueId) {
            return metrics.getOrDefault(queueId, com.outboundcalls.dial.QueueMetrics.EMPTY);
        }

        /** Sets a queue's agents: logged in, free, talking, in after-contact work. */
        public void set(String queueId, int online, int available, int onContact, int afterContactWork) {
            metrics.put(queueId, new com.outboundcalls.dial.QueueMetrics(online, available, onContact, afterContactWork,
                    0, java.time.Duration.ZERO));
        }

        /** When each seat was taken: the time a test sets when the seat is claimed. */
        public final Map<String, java.time.Instant> seatSince = new HashMap<>();
        public java.time.Instant now = java.time.Instant.EPOCH;

        @Override
        public List<java.time.Instant> heldSince(String queueId) {
            return seatQueue.entrySet().stream().filter(e -> queueId.equals(e.getValue()))
                    .map(e -> seatSince.getOrDefault(e.getKey(), java.time.Instant.EPOCH)).toList();
        }

        @Override
        public Claim claimSeat(String queueId, String clientToken, int capacity) {
            if (seatQueue.containsKey(clientToken)) {
                return Claim.ALREADY_HELD;
            }
            if (heldSince(queueId).size() >= capacity) {
                return Claim.FULL;
            }
            seatQueue.put(clientToken, queueId);
            seatSince.put(clientToken, now);
            return Claim.ACQUIRED;
        }

        @Override
        public boolean releaseSeat(String clientToken) {
            seatSince.remove(clientToken);
            return seatQueue.remove(clientToken) != null;
        }
    }

    public static final class Connect implements OutboundCalls {
        public final Map<String, String> contactByToken = new LinkedHashMap<>();
        public final List<OutboundCall> placed = new ArrayList<>();
        public int throttleNext;
        /** Refuses every call for a reason of the setup while set (a wrong flow or caller ID). */
        public String misconfigured;

        @Override
        public String start(OutboundCall call) {
            if (throttleNext > 0) {
                throttleNext--;
                throw new CallThrottledException("TooManyRequestsException", null);
            }
            if (misconfigured != null) {
                throw new CallMisconfiguredException(misconfigured, null);
            }
            return contactByToken.computeIfAbsent(call.clientToken(), t -> {
                placed.add(call);
                return "connect-" + placed.size();
            });
        }
    }

    public static final class Prices implements com.outboundcalls.rate.PriceListStore {
        private final Map<String, TreeMap<Instant, Price>> rows = new HashMap<>();
        public final Map<String, String> versions = new HashMap<>();

        @Override
        public Optional<String> versionSource(String listId, String version) {
            return Optional.ofNullable(versions.get(listId + "/" + version));
        }

        @Override
        public void saveVersion(String listId, String version, List<com.outboundcalls.rate.PriceListFile.Row> rs,
                                Instant publishedAt, String source) {
            for (var r : rs) {
                with(listId, r.originCountry(), r.destinationCountry(), r.numberType(),
                        r.pricePerMinute().toPlainString(),
                        r.validFrom().atStartOfDay(Zones.BILLING).toInstant(), version);
            }
            versions.put(listId + "/" + version, source);
        }

        public Prices with(String list, String origin, String dest, String type, String price, Instant from,
                           String version) {
            rows.computeIfAbsent(list + origin + dest + type, k -> new TreeMap<>())
                    .put(from, new Price(new java.math.BigDecimal(price), version));
            return this;
        }

        @Override
        public Optional<Price> priceAt(String listId, String originCountry, String destinationCountry,
                                       String numberType, Instant at) {
            TreeMap<Instant, Price> versions = rows.get(listId + originCountry + destinationCountry + numberType);
            if (versions == null || versions.floorEntry(at) == null) {
                return Optional.empty();
            }
            return Optional.of(versions.floorEntry(at).getValue());
        }
    }

    public static final class RatedCalls implements RatedCallStore {
        public final Map<String, RatedCall> calls = new LinkedHashMap<>();
        private final java.time.Clock clock;

        /** Records ratings without stamping them, as calls stored before the stamp was kept. */
        public RatedCalls() {
            this(null);
        }

        /** Stamps each recorded rating with this clock's instant. */
        public RatedCalls(java.time.Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean saveIfAbsent(RatedCall call) {
            return calls.putIfAbsent(call.connectContactId(), stamped(call)) == null;
        }

        @Override
        public Optional<RatedCall> byConnectContactId(String connectContactId) {
            return Optional.ofNullable(calls.get(connectContactId));
        }

        private RatedCall stamped(RatedCall call) {
            return clock == null ? call : call.recordedAt(clock.instant());
        }

        @Override
        public void forEachRecordedBetween(String clientId, java.time.Instant from, java.time.Instant until,
                                           Consumer<RatedCall> consumer) {
            calls.values().stream().filter(c -> c.clientId().equals(clientId) && c.recordedAt() != null
                    && !c.recordedAt().isBefore(from) && c.recordedAt().isBefore(until)).forEach(consumer);
        }

        @Override
        public List<RatedCall> unratedOn(String originCountry, String destinationCountry, String numberType) {
            return calls.values().stream().filter(c -> c.status() == RatedCall.Status.UNRATED
                    && c.originCountry().equals(originCountry) && c.destinationCountry().equals(destinationCountry)
                    && c.numberType().equals(numberType)).toList();
        }

        @Override
        public boolean rerate(RatedCall rated) {
            RatedCall current = calls.get(rated.connectContactId());
            if (current == null || current.status() != RatedCall.Status.UNRATED) {
                return false;
            }
            calls.put(rated.connectContactId(), stamped(rated));
            return true;
        }

        @Override
        public void forEachInMonth(String clientId, YearMonth month, Consumer<RatedCall> consumer) {
            calls.values().stream().filter(c -> c.clientId().equals(clientId) && c.billingMonth().equals(month))
                    .forEach(consumer);
        }
    }

    public static final class Ledger implements FileLedger {
        public final Map<String, String> done = new HashMap<>();

        @Override
        public Optional<String> completedSummary(String fileId) {
            return Optional.ofNullable(done.get(fileId));
        }

        @Override
        public void markCompleted(String fileId, String summaryJson) {
            done.put(fileId, summaryJson);
        }

        public final Map<String, com.outboundcalls.ingest.IngestCheckpoint> checkpoints = new HashMap<>();

        @Override
        public Optional<com.outboundcalls.ingest.IngestCheckpoint> checkpoint(String fileId) {
            return Optional.ofNullable(checkpoints.get(fileId));
        }

        @Override
        public boolean saveCheckpoint(String fileId, com.outboundcalls.ingest.IngestCheckpoint checkpoint) {
            int last = checkpoints.containsKey(fileId) ? checkpoints.get(fileId).leg() : 0;
            if (last != checkpoint.leg() - 1) {
                return false;
            }
            checkpoints.put(fileId, checkpoint);
            return true;
        }

        @Override
        public void markHandedOver(String fileId, int leg) {
            com.outboundcalls.ingest.IngestCheckpoint c = checkpoints.get(fileId);
            if (c != null && c.leg() == leg) {
                checkpoints.put(fileId, new com.outboundcalls.ingest.IngestCheckpoint(c.leg(), c.lastRow(), c.rowsRead(),
                        c.accepted(), c.skipped(), c.rejectedByReason(), c.startedAt(), c.rejectParts(), true));
            }
        }
    }

    public static final class Oppositions implements com.outboundcalls.contact.OppositionList {
        private final Map<String, Opposition> entries = new HashMap<>();

        @Override
        public java.util.Set<String> opposed(String clientId, java.util.Collection<String> e164s) {
            java.util.Set<String> opposed = new java.util.HashSet<>();
            for (String e164 : e164s) {
                if (entries.containsKey(clientId + "|" + e164) || entries.containsKey(EVERY_CLIENT + "|" + e164)) {
                    opposed.add(e164);
                }
            }
            return opposed;
        }

        @Override
        public void addAll(List<Opposition> oppositions) {
            oppositions.forEach(o -> entries.putIfAbsent(o.clientId() + "|" + o.e164(), o));
        }
    }

    public static final class Prospecting implements com.outboundcalls.dial.ProspectingLimit.Histories {
        private final Map<String, com.outboundcalls.dial.ProspectingLimit.History> histories = new HashMap<>();

        @Override
        public com.outboundcalls.dial.ProspectingLimit.History of(String clientId, String e164) {
            return histories.getOrDefault(clientId + "|" + e164, com.outboundcalls.dial.ProspectingLimit.History.none());
        }

        @Override
        public void recordCall(String clientId, String e164, Instant at) {
            histories.put(clientId + "|" + e164, of(clientId, e164).withCall(at));
        }

        @Override
        public void recordRefusal(String clientId, String e164, Instant at) {
            histories.put(clientId + "|" + e164, new com.outboundcalls.dial.ProspectingLimit.History(
                    of(clientId, e164).calls(), at));
        }

        @Override
        public void forget(String clientId, String e164) {
            histories.remove(clientId + "|" + e164);
        }

        public boolean knows(String clientId, String e164) {
            return histories.containsKey(clientId + "|" + e164);
        }
    }

    /** Handovers asked for, in order: the file and the leg to run. */
    public static final class Handovers implements com.outboundcalls.ingest.IngestHandover {
        public final List<Map.Entry<com.outboundcalls.ingest.ContactIngestion.UploadedFile, Integer>> asked =
                new java.util.ArrayList<>();

        @Override
        public void resumeLater(com.outboundcalls.ingest.ContactIngestion.UploadedFile file, int leg) {
            asked.add(Map.entry(file, leg));
        }
    }

    public static class Objects implements ObjectSink {
        public final Map<String, byte[]> objects = new TreeMap<>();

        @Override
        public void put(String key, byte[] content, String contentType) {
            objects.put(key, content);
        }

        @Override
        public void put(String key, java.nio.file.Path content, String contentType) {
            try {
                objects.put(key, java.nio.file.Files.readAllBytes(content));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public java.io.InputStream open(String key) {
            byte[] content = objects.get(key);
            if (content == null) {
                throw new java.io.UncheckedIOException(new java.io.FileNotFoundException(key));
            }
            return new java.io.ByteArrayInputStream(content);
        }

        @Override
        public void delete(String key) {
            objects.remove(key);
        }

        @Override
        public int deleteAllUnder(String prefix) {
            List<String> keys = objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
            keys.forEach(objects::remove);
            return keys.size();
        }

        @Override
        public boolean exists(String key) {
            return objects.containsKey(key);
        }

        /** Uploads in parts under way, by id: their parts by number. */
        public final Map<String, TreeMap<Integer, byte[]>> uploads = new HashMap<>();
        /** The least size of a part but the last, S3's unless a test sets a smaller one. */
        public int minPartSize = MIN_PART_SIZE;
        private int uploadIds;

        @Override
        public String startUpload(String key, String contentType) {
            String id = key + "#upload" + (++uploadIds);
            uploads.put(id, new TreeMap<>());
            return id;
        }

        @Override
        public String uploadPart(String key, String uploadId, int number, byte[] content) {
            TreeMap<Integer, byte[]> parts = uploads.get(uploadId);
            if (parts == null) {
                throw new GoneException("no upload " + uploadId, null);
            }
            parts.put(number, content.clone());
            return "tag-" + number + "-" + java.util.Arrays.hashCode(content);
        }

        @Override
        public void completeUpload(String key, String uploadId, List<String> tags) {
            TreeMap<Integer, byte[]> parts = uploads.remove(uploadId);
            if (parts == null) {
                throw new GoneException("no upload " + uploadId, null);
            }
            if (parts.size() != tags.size()) {
                throw new IllegalArgumentException(tags.size() + " tags for " + parts.size() + " parts");
            }
            java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
            int n = 0;
            for (Map.Entry<Integer, byte[]> part : parts.entrySet()) {
                n++;
                if (!tags.get(n - 1).equals("tag-" + part.getKey() + "-" + java.util.Arrays.hashCode(part.getValue()))) {
                    throw new IllegalArgumentException("part " + part.getKey() + " does not match its tag");
                }
                if (n < parts.size() && part.getValue().length < minPartSize) {
                    throw new IllegalArgumentException("part " + part.getKey() + " is too small");
                }
                whole.writeBytes(part.getValue());
            }
            objects.put(key, whole.toByteArray());
        }

        @Override
        public void abortUpload(String key, String uploadId) {
            uploads.remove(uploadId);
        }

        public String text(String key, java.nio.charset.Charset charset) {
            return new String(objects.get(key), charset);
        }

        public String text(String key) {
            return new String(objects.get(key), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A versioned bucket: each put adds a version; the last one is current. */
    public static final class VersionedFiles implements com.outboundcalls.files.StoredFiles {
        public final Map<String, List<byte[]>> versions = new TreeMap<>();

        public void put(String key, String content) {
            versions.computeIfAbsent(key, k -> new ArrayList<>()).add(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public String current(String key) {
            List<byte[]> all = versions.get(key);
            return all == null ? null : new String(all.get(all.size() - 1), java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public List<StoredFile> under(String prefix) {
            List<StoredFile> files = new ArrayList<>();
            versions.forEach((key, all) -> {
                if (key.startsWith(prefix)) {
                    files.add(new StoredFile(key, "bucket/" + key + "#v" + all.size(), all.get(all.size() - 1).length));
                }
            });
            return files;
        }

        @Override
        public java.io.InputStream open(String key) {
            List<byte[]> all = versions.get(key);
            return new java.io.ByteArrayInputStream(all.get(all.size() - 1));
        }

        @Override
        public void replace(String key, java.nio.file.Path content, String contentType) {
            try {
                versions.put(key, new ArrayList<>(List.of(java.nio.file.Files.readAllBytes(content))));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void deleteEveryVersion(String key) {
            versions.remove(key);
        }
    }

    /** The uploads the client space granted, by key. */
    public static final class Uploads implements com.outboundcalls.ingest.UploadRegistry {
        public final Map<String, com.outboundcalls.ingest.Upload> granted = new HashMap<>();

        @Override
        public void record(com.outboundcalls.ingest.Upload upload) {
            if (granted.putIfAbsent(upload.key(), upload) != null) {
                throw new IllegalStateException("upload key reused: " + upload.key());
            }
        }

        @Override
        public Optional<com.outboundcalls.ingest.Upload> find(String key) {
            return Optional.ofNullable(granted.get(key));
        }

        /** An upload link granted for this key and size, as the client space grants it. */
        public void grant(String key, long size) {
            String[] parts = key.split("/");
            granted.put(key, new com.outboundcalls.ingest.Upload(key, parts.length > 1 ? parts[1] : null,
                    parts.length > 2 ? parts[2] : null, parts[parts.length - 1], size, "test", Instant.EPOCH,
                    Instant.EPOCH.plusSeconds(900)));
        }
    }
}
