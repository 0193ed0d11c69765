package com.outboundcalls.dial;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shares a dialing budget between campaigns in proportion to their priority (weight), and gives what a
 * campaign cannot use (it has fewer callable contacts) to the others (weighted water-filling).
 */
public final class FairShare {
    private FairShare() {
    }

    /** A campaign's callable contacts and its weight (the operator's priority, at least 1). */
    public record Demand(int available, int weight) {
        public Demand {
            weight = Math.max(1, weight);
        }
    }

    /** Equal weights. */
    public static Map<String, Integer> allocate(int budget, Map<String, Integer> available) {
        Map<String, Demand> demands = new LinkedHashMap<>();
        available.forEach((k, v) -> demands.put(k, new Demand(v, 1)));
        return allocateWeighted(budget, demands);
    }

    /**
     * @return contacts to move per campaign; never more than available, never more than the budget in all
     */
    public static Map<String, Integer> allocateWeighted(int budget, Map<String, Demand> demands) {
        Map<String, Integer> granted = new LinkedHashMap<>();
        demands.keySet().forEach(k -> granted.put(k, 0));
        int left = Math.max(0, budget);
        while (left > 0) {
            long totalWeight = 0;
            for (Map.Entry<String, Demand> e : demands.entrySet()) {
                if (granted.get(e.getKey()) < e.getValue().available()) {
                    totalWeight += e.getValue().weight();
                }
            }
            if (totalWeight == 0) {
                break;
            }
            int round = left;
            for (Map.Entry<String, Demand> e : demands.entrySet()) {
                if (left == 0) {
                    break;
                }
                int room = e.getValue().available() - granted.get(e.getKey());
                if (room <= 0) {
                    continue;
                }
                int share = (int) Math.max(1, (long) round * e.getValue().weight() / totalWeight);
                int take = Math.min(Math.min(share, room), left);
                granted.merge(e.getKey(), take, Integer::sum);
                left -= take;
            }
        }
        return granted;
    }
}
