package com.outboundcalls.functions.ingest;

import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.ingest.ContactStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Storing contacts on DynamoDB Local (the in-memory store is atomic and cannot show this): two files carrying the
 * same number, ingested at once, store it once and count it once; and a contact stored, then queued, between the
 * read and the write of a late ingest keeps its status and attempts.
 */
class ContactStoreRaceLocalCloudTest {

    private static final Instant NOW = Instant.parse("2026-10-05T08:00:00Z");
    private static LocalCloud cloud;
    private static String table;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().start();
        table = cloud.physicalName("ContactsTable");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static NewContact contact(String campaign, String e164, String file, long row) {
        return new NewContact("acme", campaign, cloud.contactIds().of("acme", campaign, e164), e164, "FR", "MOBILE", null, null,
                null, Map.of(), file, NOW, row, null);
    }

    @Test
    void twoFilesWithTheSameNumbersIngestedAtOnceStoreAndCountEachNumberOnce() throws Exception {
        DynamoContactBook book = new DynamoContactBook(cloud.dynamoDb(), table);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                List<NewContact> a = new ArrayList<>();
                List<NewContact> b = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String e164 = String.format("+336%02d%06d", round, i);
                    a.add(contact("race", e164, "a.csv", i + 2));
                    b.add(contact("race", e164, "b.csv", i + 2));
                }
                CyclicBarrier together = new CyclicBarrier(2);
                Future<List<ContactStore.AddResult>> fromA = pool.submit(() -> {
                    together.await();
                    return book.addAll(a);
                });
                Future<List<ContactStore.AddResult>> fromB = pool.submit(() -> {
                    together.await();
                    return book.addAll(b);
                });
                List<ContactStore.AddResult> ra = fromA.get();
                List<ContactStore.AddResult> rb = fromB.get();
                for (int i = 0; i < 40; i++) {
                    boolean addedByA = ra.get(i).outcome() == ContactStore.Outcome.ADDED;
                    boolean addedByB = rb.get(i).outcome() == ContactStore.Outcome.ADDED;
                    assertEquals(true, addedByA ^ addedByB, "round " + round + ", number " + i + ": stored once, by "
                            + ra.get(i) + " / " + rb.get(i));
                    ContactStore.AddResult other = addedByA ? rb.get(i) : ra.get(i);
                    assertEquals(ContactStore.Outcome.ALREADY_IN_CAMPAIGN, other.outcome());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aContactStoredAndQueuedBetweenALateIngestsReadAndWriteKeepsItsStatus() {
        NewContact late = contact("late", "+33612000777", "late.csv", 2);
        DynamoContactBook other = new DynamoContactBook(cloud.dynamoDb(), table);
        // The late ingest reads (the contact is absent), then, before it writes, another file stores the same
        // number and the feeder queues it.
        DynamoDbClient interleaved = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[]{DynamoDbClient.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(cloud.dynamoDb(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("batchGetItem")) {
                        other.addAll(List.of(contact("late", "+33612000777", "first.csv", 9)));
                        other.claimForQueue("acme#late", late.contactId(), NOW, NOW.plusSeconds(900));
                    }
                    return result;
                });
        ContactStore.AddResult result = new DynamoContactBook(interleaved, table).addAll(List.of(late)).get(0);

        assertEquals(ContactStore.Outcome.ALREADY_IN_CAMPAIGN, result.outcome(), "told, not overwritten");
        var stored = other.get("acme#late", late.contactId()).orElseThrow();
        assertEquals(ContactStatus.QUEUED, stored.status(), "not reset to callable");
        assertEquals("first.csv", cloud.dynamoDb().getItem(r -> r.tableName(table).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("acme#late"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(late.contactId()))))
                .item().get("sourceFile").s(), "the first file's contact, untouched");
    }
}
