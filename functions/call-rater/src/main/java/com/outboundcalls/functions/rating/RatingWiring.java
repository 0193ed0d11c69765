package com.outboundcalls.functions.rating;

import com.outboundcalls.rate.CalleeRefusals;

import com.outboundcalls.rate.CallRating;

import com.outboundcalls.account.CachedAccountDirectory;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.ConnectCalleeRequests;
import com.outboundcalls.aws.ConnectContactDescriptions;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoCallControl;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoOppositionList;
import com.outboundcalls.aws.DynamoPriceCatalog;
import com.outboundcalls.aws.DynamoProspectingHistories;
import com.outboundcalls.aws.DynamoRatedCallStore;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.SqsDialQueue;
import com.outboundcalls.dial.DialFeeding;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;

/** The rating use case both call-rater entry points run, built once per container from the environment. */
final class RatingWiring {

    /** How long a campaign pause or account suspension may take to reach a running container. */
    static final Duration ACCOUNT_CACHE_TTL = Duration.ofSeconds(30);

    final DynamoCallControl lines;
    final ConnectContactDescriptions descriptions;
    final CallRating rating;

    RatingWiring(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        DynamoDbClient dynamo = clients.dynamoDb();
        // Releasing a line needs neither the limit nor the rate: they only bound claims.
        this.lines = new DynamoCallControl(dynamo, runtime.require("CALLS_TABLE"), 0, 0, runtime.clock());
        this.descriptions = new ConnectContactDescriptions(clients.connect(), runtime.require("CONNECT_INSTANCE_ID"));
        CachedAccountDirectory accounts = new CachedAccountDirectory(
                new DynamoAccountDirectory(dynamo, runtime.require("ACCOUNTS_TABLE")), runtime.clock(), ACCOUNT_CACHE_TTL);
        DynamoContactBook contacts = new DynamoContactBook(dynamo, runtime.require("CONTACTS_TABLE"),
                runtime.require("CAMPAIGN_STATS_TABLE"));
        // A freed line is taken again at once by its campaign's next contact, not a minute later.
        DialFeeding refill = new DialFeeding(accounts, contacts, lines,
                new SqsDialQueue(clients.sqs(), runtime.require("DIAL_QUEUE_URL")),
                runtime.requireInt("CALLS_PER_SECOND"), runtime.requireInt("MAX_CONCURRENT_CALLS"),
                new com.outboundcalls.dial.ConnectSetup(runtime.require("DEFAULT_CALLER_ID"),
                        runtime.environment().get("CONNECT_CAMPAIGN_ID")));
        Clock clock = runtime.clock();
        this.rating = new CallRating(accounts, lines, new DynamoPriceCatalog(dynamo, runtime.require("PRICE_LISTS_TABLE")),
                new DynamoRatedCallStore(dynamo, runtime.require("RATED_CALLS_TABLE"),
                        runtime.require("CAMPAIGN_STATS_TABLE")), contacts, lines, descriptions,
                (clientId, campaignId) -> refill.refill(clientId, campaignId, clock.instant()),
                new CalleeRefusals(new ConnectCalleeRequests(clients.connect(), runtime.require("CONNECT_INSTANCE_ID")),
                        new DynamoOppositionList(dynamo, runtime.require("OPPOSITIONS_TABLE")),
                        new DynamoProspectingHistories(dynamo, runtime.require("CALLS_TABLE"))));
    }
}
