package com.outboundcalls.aws;

import com.outboundcalls.account.ClientRole;
import com.outboundcalls.account.RequestRefused;
import com.outboundcalls.account.UserDirectory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The client space's users in a Cognito user pool: invited with AdminCreateUser (Cognito e-mails the temporary
 * password), with the client and role as custom attributes only the system writes; disabled and signed out
 * everywhere when their access ends.
 */
public final class CognitoUserDirectory implements UserDirectory {

    static final String CLIENT_ATTRIBUTE = "custom:client_id";
    static final String ROLE_ATTRIBUTE = "custom:role";

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoUserDirectory(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public void invite(String email, String clientId, ClientRole role) {
        try {
            create(email, clientId, role);
        } catch (UsernameExistsException e) {
            AdminGetUserResponse existing = cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(email));
            if (!existing.enabled()) {
                // Access ended before: a fresh invitation, for the client and role given now.
                cognito.adminDeleteUser(r -> r.userPoolId(userPoolId).username(email));
                create(email, clientId, role);
                return;
            }
            if (!clientId.equals(attribute(existing, CLIENT_ATTRIBUTE)) || !role.name().equals(attribute(existing,
                    ROLE_ATTRIBUTE))) {
                throw new RequestRefused.Conflict(email + " already signs in to another client space or role");
            }
        }
    }

    @Override
    public void disable(String email) {
        try {
            cognito.adminDisableUser(r -> r.userPoolId(userPoolId).username(email));
            cognito.adminUserGlobalSignOut(r -> r.userPoolId(userPoolId).username(email));
        } catch (UserNotFoundException gone) {
            // nothing left to disable
        }
    }

    private void create(String email, String clientId, ClientRole role) {
        cognito.adminCreateUser(r -> r.userPoolId(userPoolId).username(email)
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                .userAttributes(attribute("email", email), attribute("email_verified", "true"),
                        attribute(CLIENT_ATTRIBUTE, clientId), attribute(ROLE_ATTRIBUTE, role.name())));
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static String attribute(AdminGetUserResponse user, String name) {
        return user.userAttributes().stream().filter(a -> a.name().equals(name)).map(AttributeType::value)
                .findFirst().orElse(null);
    }
}
