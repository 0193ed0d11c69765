/*
 * The client space's two partners: the user pool (sign in, new password, refresh, sign out, with Cognito's JSON
 * API) and the client space's API on this page's own origin (the user's ID token as bearer). The tokens stay in
 * this tab's session storage, never in a cookie or the address.
 */
"use strict";

window.Api = (function () {
  let config = null;

  class Problem extends Error {
    constructor(status, message, type) {
      super(message);
      this.status = status;
      this.type = type;
    }
  }

  async function settings() {
    if (!config) {
      const response = await fetch("/app/config.json", { cache: "no-store" });
      config = await response.json();
    }
    return config;
  }

  async function cognito(operation, body) {
    const c = await settings();
    let response;
    try {
      response = await fetch(c.cognitoEndpoint + "/", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-amz-json-1.1",
          "X-Amz-Target": "AWSCognitoIdentityProviderService." + operation
        },
        body: JSON.stringify(body)
      });
    } catch (e) {
      throw new Problem(0, "network", "NetworkError");
    }
    const answer = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      const type = String(answer.__type || "").split("#").pop();
      throw new Problem(response.status, answer.message || type, type);
    }
    return answer;
  }

  function keep(result) {
    const tokens = result.AuthenticationResult;
    sessionStorage.setItem("idToken", tokens.IdToken);
    sessionStorage.setItem("accessToken", tokens.AccessToken);
    if (tokens.RefreshToken) {
      sessionStorage.setItem("refreshToken", tokens.RefreshToken);
    }
    sessionStorage.setItem("expiresAt", String(Date.now() + (tokens.ExpiresIn || 3600) * 1000));
  }

  /** Signs in; answers {signedIn: true} or {challenge: "NEW_PASSWORD_REQUIRED"} for a first sign-in. */
  async function signIn(email, password) {
    const c = await settings();
    const result = await cognito("InitiateAuth", {
      AuthFlow: "USER_PASSWORD_AUTH", ClientId: c.userPoolClientId,
      AuthParameters: { USERNAME: email, PASSWORD: password }
    });
    if (result.ChallengeName) {
      sessionStorage.setItem("challenge", JSON.stringify({ name: result.ChallengeName, session: result.Session, email: email }));
      return { challenge: result.ChallengeName };
    }
    keep(result);
    return { signedIn: true };
  }

  async function setNewPassword(password) {
    const c = await settings();
    const challenge = JSON.parse(sessionStorage.getItem("challenge") || "{}");
    const result = await cognito("RespondToAuthChallenge", {
      ChallengeName: "NEW_PASSWORD_REQUIRED", ClientId: c.userPoolClientId, Session: challenge.session,
      ChallengeResponses: { USERNAME: challenge.email, NEW_PASSWORD: password }
    });
    sessionStorage.removeItem("challenge");
    keep(result);
  }

  async function refresh() {
    const c = await settings();
    const token = sessionStorage.getItem("refreshToken");
    if (!token) {
      return false;
    }
    try {
      keep(await cognito("InitiateAuth", {
        AuthFlow: "REFRESH_TOKEN_AUTH", ClientId: c.userPoolClientId, AuthParameters: { REFRESH_TOKEN: token }
      }));
      return true;
    } catch (e) {
      return false;
    }
  }

  async function signOut() {
    const access = sessionStorage.getItem("accessToken");
    sessionStorage.clear();
    if (access) {
      try {
        await cognito("GlobalSignOut", { AccessToken: access });
      } catch (e) {
        // the tokens are gone from this tab either way
      }
    }
  }

  /** Forgets the tokens of a session the API no longer accepts. */
  function forget() {
    sessionStorage.clear();
  }

  function hasChallenge() {
    return sessionStorage.getItem("challenge") !== null;
  }

  /** Who is signed in, as the ID token says (for display only: the API decides from the token itself). */
  function user() {
    const token = sessionStorage.getItem("idToken");
    if (!token) {
      return null;
    }
    try {
      const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      const bytes = Uint8Array.from(atob(part), function (ch) { return ch.charCodeAt(0); });
      const claims = JSON.parse(new TextDecoder().decode(bytes));
      return { email: claims.email, role: claims["custom:role"], clientId: claims["custom:client_id"] };
    } catch (e) {
      return null;
    }
  }

  /** A call to the client space's API; a token about to expire is refreshed first, an expired session ends. */
  async function call(method, path, body) {
    if (Number(sessionStorage.getItem("expiresAt") || 0) - Date.now() < 60000) {
      await refresh();
    }
    const headers = { Authorization: "Bearer " + sessionStorage.getItem("idToken") };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    let response;
    try {
      response = await fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new Problem(0, "network", "NetworkError");
    }
    const answer = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      throw new Problem(response.status, answer.message || answer.error || ("HTTP " + response.status), "Api");
    }
    return answer;
  }

  /** Puts a file through an upload link, telling the progress (0 to 100) as it goes. */
  function put(url, file, onProgress) {
    return new Promise(function (resolve, reject) {
      const request = new XMLHttpRequest();
      request.open("PUT", url);
      request.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          onProgress(Math.round(100 * e.loaded / e.total));
        }
      });
      request.addEventListener("load", function () {
        if (request.status >= 200 && request.status < 300) {
          onProgress(100);
          resolve();
        } else {
          reject(new Problem(request.status, "upload refused (" + request.status + ")", "Upload"));
        }
      });
      request.addEventListener("error", function () { reject(new Problem(0, "network", "NetworkError")); });
      request.send(file);
    });
  }

  /** A JSON file behind a download link (a report). */
  async function download(url) {
    const response = await fetch(url);
    if (!response.ok) {
      throw new Problem(response.status, "HTTP " + response.status, "Download");
    }
    return response.json();
  }

  return {
    Problem: Problem, signIn: signIn, setNewPassword: setNewPassword, signOut: signOut, forget: forget, hasChallenge: hasChallenge,
    user: user, call: call, put: put, download: download,
    signedIn: function () { return sessionStorage.getItem("idToken") !== null; }
  };
}());
