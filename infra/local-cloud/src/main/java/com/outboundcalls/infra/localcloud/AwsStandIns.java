package com.outboundcalls.infra.localcloud;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.function.Consumer;

/** DynamoDB Local, ElasticMQ and S3Proxy, started in this JVM on 127.0.0.1 ports. */
final class AwsStandIns implements AutoCloseable {

    final URI dynamoDb;
    final URI sqs;
    final URI s3;
    private final DynamoDBProxyServer dynamoServer;
    private final SQSRestServer sqsServer;
    private final S3Proxy s3Server;

    private AwsStandIns(URI dynamoDb, URI sqs, URI s3, DynamoDBProxyServer dynamoServer, SQSRestServer sqsServer,
                        S3Proxy s3Server) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.s3 = s3;
        this.dynamoServer = dynamoServer;
        this.sqsServer = sqsServer;
        this.s3Server = s3Server;
    }

    /** Ports: 0 picks a free one. */
    record Ports(int dynamoDb, int sqs, int s3, int connect) {
        static Ports any() {
            return new Ports(0, 0, 0, 0);
        }
    }

    /**
     * @param cors the methods and headers the template's bucket allows across origins; S3Proxy allows them to the
     *             origins of this machine's loopback, where the template's APIs (the origins the stack allows) run
     */
    static AwsStandIns start(String region, String accountId, Consumer<ObjectCreated> objectCreated, Clock clock,
                             Ports ports, java.util.Map<String, java.util.List<String>> cors) {
        try {
            int dynamoPort = ports.dynamoDb() > 0 ? ports.dynamoDb() : freePort();
            DynamoDBProxyServer dynamo = ServerRunner.createServerFromCommandLineArgs(new String[]{
                    "-inMemory", "-sharedDb", "-port", Integer.toString(dynamoPort), "-disableTelemetry"});
            dynamo.start();

            int sqsPort = ports.sqs() > 0 ? ports.sqs() : freePort();
            SQSRestServer sqs = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(sqsPort)
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", sqsPort, ""))
                    .withAWSRegion(region).withAWSAccountId(accountId).start();
            sqs.waitUntilStarted();

            int s3Port = ports.s3() > 0 ? ports.s3() : freePort();
            S3Proxy s3 = S3Proxy.builder()
                    .blobStore(new NotifyingBlobStore(new TransientNio2BlobStore(), objectCreated, clock))
                    .endpoint(URI.create("http://127.0.0.1:" + s3Port))
                    .awsAuthentication(AuthenticationType.NONE, null, null)
                    .corsRules(cors.isEmpty() ? CrossOriginResourceSharing.disabled()
                            : new CrossOriginResourceSharing(java.util.List.of("http://(127\\.0\\.0\\.1|localhost):[0-9]+"),
                            cors.get("methods"), cors.get("headers"), java.util.List.of("ETag"), "false"))
                    .build();
            s3.start();
            for (int i = 0; i < 200 && !"STARTED".equals(s3.getState()); i++) {
                Thread.sleep(10);
            }
            return new AwsStandIns(URI.create("http://127.0.0.1:" + dynamoPort),
                    URI.create("http://127.0.0.1:" + sqsPort), URI.create("http://127.0.0.1:" + s3Port),
                    dynamo, sqs, s3);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the AWS stand-ins", e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            s3Server.stop();
        } catch (Exception ignored) {
            // best effort on shutdown
        }
        try {
            sqsServer.stopAndWait();
        } catch (Exception ignored) {
            // best effort on shutdown
        }
        try {
            dynamoServer.stop();
        } catch (Exception ignored) {
            // best effort on shutdown
        }
    }
}
