package com.outboundcalls.dial;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shares a dialing budget between campaigns: each gets an equal share, and what a campaign cannot use
 * (it has fewer callable contacts) goes to the others (water-filling).
 */
public final class FairShare {
    private FairShare() {
    }

    /**
     * @param budget    contacts that may be moved to the dial queue now
     * @param available callable contacts per campaign, in a stable order
     * @return contacts to move per campaign; never more than available, never more than the budget in all
     */
    public static Map<String, Integer> allocate(int budget, Map<String, Integer> available) {
        Map<String, Integer> granted = new LinkedHashMap<>();
        available.keySet().forEach(k -> granted.put(k, 0));
        int left = Math.max(0, budget);
        while (left > 0) {
            long hungry = available.entrySet().stream()
                    .filter(e -> granted.get(e.getKey()) < e.getValue()).count();
            if (hungry == 0) {
                break;
            }
            int share = (int) Math.max(1, left / hungry);
            for (Map.Entry<String, Integer> e : available.entrySet()) {
                if (left == 0) {
                    break;
                }
                int room = e.getValue() - granted.get(e.getKey());
                int take = Math.min(Math.min(share, room), left);
                if (take > 0) {
                    granted.merge(e.getKey(), take, Integer::sum);
                    left -= take;
                }
            }
        }
        return granted;
    }
}
