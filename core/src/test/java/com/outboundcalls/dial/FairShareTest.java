package com.outboundcalls.dial;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FairShareTest {

    private static Map<String, Integer> of(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    @Test
    void campaignsWithEnoughContactsShareEqually() {
        assertEquals(of("a", 5, "b", 5), FairShare.allocate(10, of("a", 100, "b", 100)));
    }

    @Test
    void whatASmallCampaignCannotUseGoesToTheOthers() {
        assertEquals(of("a", 2, "b", 9, "c", 9), FairShare.allocate(20, of("a", 2, "b", 50, "c", 50)));
    }

    @Test
    void aCampaignOfPriorityThreeGetsThreeTimesTheShareOfPriorityOne() {
        Map<String, FairShare.Demand> demands = new LinkedHashMap<>();
        demands.put("urgent", new FairShare.Demand(100, 3));
        demands.put("routine", new FairShare.Demand(100, 1));
        Map<String, Integer> granted = FairShare.allocateWeighted(40, demands);
        assertEquals(30, granted.get("urgent"));
        assertEquals(10, granted.get("routine"));
        // An idle high-priority campaign's share goes to the others.
        demands.put("urgent", new FairShare.Demand(2, 3));
        granted = FairShare.allocateWeighted(40, demands);
        assertEquals(2, granted.get("urgent"));
        assertEquals(38, granted.get("routine"));
    }

    @Test
    void unitsLeftAfterWholeSharesGoToTheLargestFractionsNotToTheFirstCampaign() {
        // 10 lines at weights 3, 2, 1: quotas 5, 3.33, 1.67 -> 5, 3, 2.
        Map<String, FairShare.Demand> demands = new java.util.LinkedHashMap<>();
        demands.put("p3", new FairShare.Demand(1000, 3));
        demands.put("p2", new FairShare.Demand(1000, 2));
        demands.put("p1", new FairShare.Demand(1000, 1));
        assertEquals(Map.of("p3", 5, "p2", 3, "p1", 2), FairShare.allocateWeighted(10, demands));
    }

    @Test
    void neverMoreThanTheBudgetNorThanAvailable() {
        Map<String, Integer> granted = FairShare.allocate(7, of("a", 3, "b", 3, "c", 3));
        assertEquals(7, granted.values().stream().mapToInt(Integer::intValue).sum());
        granted.forEach((k, v) -> assertEquals(true, v <= 3));
        assertEquals(of("a", 1, "b", 0), FairShare.allocate(5, of("a", 1, "b", 0)));
        assertEquals(of("a", 0), FairShare.allocate(0, of("a", 4)));
    }
}
