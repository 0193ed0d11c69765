package com.outboundcalls.infra.localcloud;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The agents of one Connect routing queue as the simulator models them: how many are logged in, each talking for a
 * log-normal time then in after-contact work for a uniform one, and the disposition each conversation ends with,
 * drawn from configured shares. An answered call goes to the free agent who has waited longest (the agent the
 * callee asked for first, when free); with none free within the abandonment threshold, the callee is abandoned and
 * hears the client's recorded message. Deterministic: every draw is seeded by the call.
 */
public final class SimulatedAgents {

    /**
     * @param agents          agents logged in
     * @param talkMedian      median conversation with an agent (log-normal)
     * @param talkSpread      log-normal sigma of the conversation
     * @param afterContactWork mean after-contact work (uniform within ±50 %)
     * @param dispositions    shares of the dispositions agents record (they need not sum to 1: normalised)
     * @param abandonAfter    how long an answered callee waits for an agent before the flow abandons the call
     * @param message         how long the recorded message of an abandoned call plays
     * @param shift           when the agents are logged in (Europe/Paris); outside it nobody takes a call
     */
    public record Team(String queueId, int agents, Duration talkMedian, double talkSpread, Duration afterContactWork,
                       Map<String, Double> dispositions, Duration abandonAfter, Duration message, Shift shift) {

        /** The same team logged in only during this shift. */
        public Team during(Shift hours) {
            return new Team(queueId, agents, talkMedian, talkSpread, afterContactWork, dispositions, abandonAfter,
                    message, hours);
        }

        /** The reference team: mean talk 90 s, 30 s of after-contact work. */
        public static Team of(String queueId, int agents) {
            Map<String, Double> shares = new LinkedHashMap<>();
            shares.put("COMPLETED", 0.62);
            shares.put("UNSUCCESSFUL", 0.12);
            shares.put("WRONG_PERSON", 0.04);
            shares.put("CALLBACK", 0.10);
            shares.put("REFUSED", 0.09);
            shares.put("DO_NOT_CALL", 0.03);
            // A log-normal of sigma 0.5 has its mean at median x e^(0.125): 90 s mean for a 79.4 s median.
            return new Team(queueId, agents, Duration.ofMillis(79_400), 0.5, Duration.ofSeconds(30), shares,
                    Duration.ofSeconds(2), Duration.ofSeconds(12), Shift.ALWAYS);
        }
    }

    /** The days and hours (Europe/Paris) agents are logged in. */
    public record Shift(java.util.Set<java.time.DayOfWeek> days, java.time.LocalTime from, java.time.LocalTime to) {
        public static final Shift ALWAYS = new Shift(java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                java.time.LocalTime.MIN, java.time.LocalTime.MAX);

        /** Monday to Friday, between two times. */
        public static Shift weekdays(java.time.LocalTime from, java.time.LocalTime to) {
            return new Shift(java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY), from, to);
        }

        boolean covers(Instant at) {
            java.time.ZonedDateTime local = at.atZone(ZoneId.of("Europe/Paris"));
            java.time.LocalTime time = local.toLocalTime();
            return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
        }
    }

    /** One conversation: the agent, when it was connected and when the callee hung up. */
    record Assignment(String contactId, int agent, Instant connected, Instant ended, String disposition) {
    }

    private final Team team;
    private final long seed;
    private final Instant[] busyUntil;    // talk end
    private final Instant[] freeAt;       // after-contact work end
    private final Instant[] idleSince;
    private final Deque<String> waiting = new ArrayDeque<>();
    private final Map<String, Instant> waitingSince = new LinkedHashMap<>();
    private final Instant loggedInAt;
    private final List<Long> waitMillis = new ArrayList<>();
    private final List<Instant[]> work = new ArrayList<>();
    private long answered;
    private long abandoned;

    SimulatedAgents(Team team, long seed, Instant loggedInAt) {
        this.team = team;
        this.seed = seed;
        this.loggedInAt = loggedInAt;
        this.busyUntil = new Instant[team.agents()];
        this.freeAt = new Instant[team.agents()];
        this.idleSince = new Instant[team.agents()];
        for (int i = 0; i < team.agents(); i++) {
            busyUntil[i] = loggedInAt;
            freeAt[i] = loggedInAt;
            idleSince[i] = loggedInAt;
        }
    }

    Team team() {
        return team;
    }

    /** A person answered: the longest-idle free agent takes the call now, or null (the callee waits). */
    Assignment answered(String contactId, Instant at, String preferredAgent) {
        answered++;
        int agent = freeAgent(at, preferredAgent);
        if (agent < 0) {
            waiting.add(contactId);
            waitingSince.put(contactId, at);
            return null;
        }
        return connect(agent, contactId, at, at);
    }

    /** The agent's after-contact work ended: the callee waiting longest, within the threshold, is connected. */
    Assignment agentFree(Instant at) {
        while (!waiting.isEmpty()) {
            String contactId = waiting.peek();
            Instant since = waitingSince.get(contactId);
            if (since.plus(team.abandonAfter()).isBefore(at)) {
                waiting.poll();
                continue; // abandoned meanwhile
            }
            int agent = freeAgent(at, null);
            if (agent < 0) {
                return null;
            }
            waiting.poll();
            waitingSince.remove(contactId);
            return connect(agent, contactId, since, at);
        }
        return null;
    }

    /** The threshold passed for a callee still waiting: abandoned (true), or already connected (false). */
    boolean abandonIfWaiting(String contactId) {
        if (waitingSince.remove(contactId) == null) {
            return false;
        }
        waiting.remove(contactId);
        abandoned++;
        return true;
    }

    /** When the agent of this assignment is free again (the end of its after-contact work). */
    Instant freeAt(int agent) {
        return freeAt[agent];
    }

    private Assignment connect(int agent, String contactId, Instant answeredAt, Instant at) {
        SplittableRandom draw = new SplittableRandom(seed ^ contactId.hashCode() * 0x9E3779B97F4A7C15L);
        double gaussian = Math.sqrt(-2 * Math.log(Math.max(1e-12, draw.nextDouble())))
                * Math.cos(2 * Math.PI * draw.nextDouble());
        long talk = Math.max(5_000, Math.min(Duration.ofMinutes(20).toMillis(),
                (long) (team.talkMedian().toMillis() * Math.exp(team.talkSpread() * gaussian))));
        long acw = (long) (team.afterContactWork().toMillis() * (0.5 + draw.nextDouble()));
        Instant ended = at.plusMillis(talk);
        busyUntil[agent] = ended;
        freeAt[agent] = ended.plusMillis(acw);
        waitMillis.add(Duration.between(answeredAt, at).toMillis());
        work.add(new Instant[]{at, freeAt[agent]});
        return new Assignment(contactId, agent, at, ended, disposition(draw.nextDouble()));
    }

    private String disposition(double u) {
        double total = team.dispositions().values().stream().mapToDouble(Double::doubleValue).sum();
        double cumulative = 0;
        String last = "COMPLETED";
        for (Map.Entry<String, Double> e : team.dispositions().entrySet()) {
            cumulative += e.getValue() / total;
            last = e.getKey();
            if (u < cumulative) {
                return e.getKey();
            }
        }
        return last;
    }

    private int freeAgent(Instant at, String preferredAgent) {
        if (!team.shift().covers(at)) {
            return -1; // nobody logged in
        }
        if (preferredAgent != null) {
            for (int i = 0; i < busyUntil.length; i++) {
                if (agentId(i).equals(preferredAgent) && !freeAt[i].isAfter(at)) {
                    return i;
                }
            }
        }
        int best = -1;
        for (int i = 0; i < busyUntil.length; i++) {
            if (!freeAt[i].isAfter(at) && (best < 0 || freeAt[i].isBefore(freeAt[best]))) {
                best = i;
            }
        }
        return best;
    }

    String agentId(int agent) {
        return team.queueId() + "-agent-" + (agent + 1);
    }

    /** The queue's figures now, as GetCurrentMetricData gives them. */
    int[] metrics(Instant now) {
        if (!team.shift().covers(now)) {
            return new int[]{0, 0, 0, 0, waiting.size()};
        }
        int onContact = 0;
        int acw = 0;
        for (int i = 0; i < busyUntil.length; i++) {
            if (busyUntil[i].isAfter(now)) {
                onContact++;
            } else if (freeAt[i].isAfter(now)) {
                acw++;
            }
        }
        int available = busyUntil.length - onContact - acw;
        return new int[]{busyUntil.length, available, onContact, acw, waiting.size()};
    }

    /** What the queue's agents did up to now, for the benchmark and the demo. */
    public record Figures(long answered, long abandoned, long connected, double occupancy, long medianWaitMillis,
                          long p95WaitMillis) {
        public double abandonmentRate() {
            return answered == 0 ? 0 : (double) abandoned / answered;
        }
    }

    /** Occupancy between two instants: time talking or in after-contact work over time logged in. */
    Figures figures(Instant from, Instant until) {
        long loggedMillis = 0;
        for (Instant minute = from; minute.isBefore(until); minute = minute.plusSeconds(60)) {
            if (team.shift().covers(minute)) {
                loggedMillis += Math.min(60_000, Duration.between(minute, until).toMillis());
            }
        }
        loggedMillis *= busyUntil.length;
        long busy = 0;
        for (Instant[] w : work) {
            Instant start = w[0].isAfter(from) ? w[0] : from;
            Instant end = w[1].isBefore(until) ? w[1] : until;
            if (end.isAfter(start)) {
                busy += Duration.between(start, end).toMillis();
            }
        }
        List<Long> sorted = new ArrayList<>(waitMillis);
        sorted.sort(Long::compare);
        long median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        long p95 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
        return new Figures(answered, abandoned, waitMillis.size(), loggedMillis <= 0 ? 0 : (double) busy / loggedMillis,
                median, p95);
    }

    /** The local date and time, tomorrow at 15:00 in the zone given, that a callee asking for a callback names. */
    static String tomorrowAtThree(Instant now, ZoneId zone) {
        LocalDate tomorrow = now.atZone(zone).toLocalDate().plusDays(1);
        return tomorrow + "T15:00";
    }
}
