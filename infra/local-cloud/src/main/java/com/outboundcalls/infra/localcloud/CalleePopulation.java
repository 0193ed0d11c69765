package com.outboundcalls.infra.localcloud;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A seeded telephone network: each callee has a temperament drawn from its number (so it is the same at
 * every attempt and every run with the same seed), and each attempt an outcome drawn from the callee and
 * the attempt's token, with ring and talk times from configurable distributions.
 */
public final class CalleePopulation {

    public enum Outcome { ANSWERED, BUSY, NO_ANSWER, VOICEMAIL }

    /**
     * What happens to one attempt.
     *
     * @param asksNotToBeCalled the callee answered and asked not to be called again (the flow records it)
     */
    public record Attempt(Outcome outcome, Duration ring, Duration talk, boolean asksNotToBeCalled) {
        public Attempt(Outcome outcome, Duration ring, Duration talk) {
            this(outcome, ring, talk, false);
        }
    }

    /**
     * @param answerRate       chance that a callee picks up at a given attempt
     * @param busyRate         chance the line is busy
     * @param voicemailRate    chance a machine answers
     * @param ringMedian       median ring time before an answer
     * @param ringTimeout      how long an unanswered call rings
     * @param talkMedian       median conversation length (log-normal)
     * @param talkSpread       log-normal sigma of conversation length
     */
    /** Share of answered callees who ask not to be called again. */
    static final double REFUSAL_RATE = 0.04;

    public record Settings(double answerRate, double busyRate, double voicemailRate, Duration ringMedian,
                           Duration ringTimeout, Duration talkMedian, double talkSpread) {
        public static Settings defaults() {
            return new Settings(0.55, 0.10, 0.10, Duration.ofSeconds(8), Duration.ofSeconds(30),
                    Duration.ofSeconds(50), 0.6);
        }
    }

    private final long seed;
    private final Settings settings;

    public CalleePopulation(long seed, Settings settings) {
        this.seed = seed;
        this.settings = settings;
    }

    public Attempt attempt(String destination, String clientToken) {
        SplittableRandom callee = new SplittableRandom(seed ^ destination.hashCode() * 0x9E3779B97F4A7C15L);
        // Some callees are hard to reach: their answer rate is scaled down for every attempt.
        double reachability = 0.4 + 0.6 * callee.nextDouble();
        SplittableRandom draw = new SplittableRandom(seed ^ (destination + "|" + clientToken).hashCode() * 0xC2B2AE3D27D4EB4FL);
        double u = draw.nextDouble();
        double answer = settings.answerRate() * reachability;
        Outcome outcome;
        if (u < answer) {
            outcome = Outcome.ANSWERED;
        } else if (u < answer + settings.voicemailRate()) {
            outcome = Outcome.VOICEMAIL;
        } else if (u < answer + settings.voicemailRate() + settings.busyRate()) {
            outcome = Outcome.BUSY;
        } else {
            outcome = Outcome.NO_ANSWER;
        }
        long ringMillis = switch (outcome) {
            case BUSY -> 1_000 + draw.nextLong(2_000);
            case NO_ANSWER -> settings.ringTimeout().toMillis();
            default -> Math.max(1_000, (long) (settings.ringMedian().toMillis() * (0.4 + 1.2 * draw.nextDouble())));
        };
        long talkMillis = 0;
        if (outcome == Outcome.ANSWERED) {
            double logNormal = Math.exp(settings.talkSpread() * gaussian(draw));
            talkMillis = Math.min(Duration.ofMinutes(20).toMillis(),
                    Math.max(2_000, (long) (settings.talkMedian().toMillis() * logNormal)));
        } else if (outcome == Outcome.VOICEMAIL) {
            talkMillis = 15_000 + draw.nextLong(20_000);
        }
        // Drawn last, so every other draw of the attempt stays what it was.
        boolean refuses = outcome == Outcome.ANSWERED && draw.nextDouble() < REFUSAL_RATE;
        return new Attempt(outcome, Duration.ofMillis(ringMillis), Duration.ofMillis(talkMillis), refuses);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = Math.max(1e-12, random.nextDouble());
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
