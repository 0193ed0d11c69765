package com.outboundcalls.dial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
     * Each round shares what is left in proportion to the weights of the campaigns that can still take more:
     * every campaign gets the whole part of its quota (up to what it has), then the units left over go one each
     * to the largest fractional parts (Hamilton's method, ties to the higher weight), so 10 lines at weights
     * 3, 2, 1 split 5, 3, 2. What a campaign cannot use goes round again to the others.
     *
     * @return contacts to move per campaign; never more than available, never more than the budget in all
     */
    public static Map<String, Integer> allocateWeighted(int budget, Map<String, Demand> demands) {
        Map<String, Integer> granted = new LinkedHashMap<>();
        demands.keySet().forEach(k -> granted.put(k, 0));
        int left = Math.max(0, budget);
        while (left > 0) {
            List<String> open = new ArrayList<>();
            long totalWeight = 0;
            for (Map.Entry<String, Demand> e : demands.entrySet()) {
                if (granted.get(e.getKey()) < e.getValue().available()) {
                    open.add(e.getKey());
                    totalWeight += e.getValue().weight();
                }
            }
            if (open.isEmpty()) {
                break;
            }
            int round = left;
            Map<String, Long> remainders = new LinkedHashMap<>();
            for (String key : open) {
                Demand d = demands.get(key);
                long exact = (long) round * d.weight();
                int whole = (int) (exact / totalWeight);
                int room = d.available() - granted.get(key);
                int take = Math.min(whole, room);
                granted.merge(key, take, Integer::sum);
                left -= take;
                if (take == whole && take < room) {
                    remainders.put(key, exact % totalWeight);
                }
            }
            List<String> byRemainder = new ArrayList<>(remainders.keySet());
            byRemainder.sort(Comparator.comparing((String k) -> remainders.get(k)).reversed()
                    .thenComparing(k -> demands.get(k).weight(), Comparator.reverseOrder()));
            for (String key : byRemainder) {
                if (left == 0) {
                    break;
                }
                if (remainders.get(key) > 0) {
                    granted.merge(key, 1, Integer::sum);
                    left--;
                }
            }
        }
        return granted;
    }
}
