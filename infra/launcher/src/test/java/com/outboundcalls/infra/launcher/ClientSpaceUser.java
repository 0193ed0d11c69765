package com.outboundcalls.infra.launcher;

import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.infra.ops.AccountsApiClient.Response;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

/**
 * A person of a client's firm calling the client space's API as its page does: invited by an operator, signed in
 * on the user pool (its own password set at the first sign-in), its ID token as bearer; signed in again once the
 * token has expired on the local cloud's clock.
 */
final class ClientSpaceUser {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalCloud cloud;
    private final CognitoIdentityProviderClient cognito;
    private final String appClientId;
    private final String email;
    private final String password;
    private String idToken;
    private Instant expiresAt = Instant.MIN;

    /** The invited user's first sign-in: the temporary password of its invitation, then {@code password}. */
    ClientSpaceUser(LocalCloud cloud, String email, String password) {
        this.cloud = cloud;
        this.cognito = new AwsClients(cloud.clientEnvironment()).cognito();
        this.appClientId = cloud.physicalName("ClientUserPoolClient");
        this.email = email;
        this.password = password;
        String temporary = cloud.cognito().invitations().stream().filter(i -> i.email().equals(email))
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException(email + " was not invited"))
                .temporaryPassword();
        InitiateAuthResponse challenged = signIn(temporary);
        if (challenged.challengeName() != ChallengeNameType.NEW_PASSWORD_REQUIRED) {
            throw new IllegalStateException("a first sign-in asks for a new password");
        }
        keep(cognito.respondToAuthChallenge(r -> r.clientId(appClientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenged.session())
                .challengeResponses(Map.of("USERNAME", email, "NEW_PASSWORD", password))).authenticationResult());
    }

    private InitiateAuthResponse signIn(String secret) {
        return cognito.initiateAuth(r -> r.clientId(appClientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", secret)));
    }

    private void keep(AuthenticationResultType tokens) {
        idToken = tokens.idToken();
        expiresAt = cloud.clock().instant().plusSeconds(tokens.expiresIn() - 60L);
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String json) {
        return send("POST", path, json);
    }

    Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Response delete(String path, String json) {
        return send("DELETE", path, json);
    }

    private Response send(String method, String path, String json) {
        if (!cloud.clock().instant().isBefore(expiresAt)) {
            keep(signIn(password).authenticationResult());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.httpApiEndpoint("ClientSpaceApi") + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + idToken);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
