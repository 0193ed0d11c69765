/*
 * The client space's views: sign in, first password, then the campaigns (start, pause, resume, upload a contact
 * file and read its report), the dashboard, the invoices, the notices and, for an administrator, the users.
 * Every text the page writes goes through textContent: nothing from the API is ever parsed as HTML.
 */
"use strict";

(function () {
  const t = window.I18N.t;
  const $ = function (id) { return document.getElementById(id); };
  const VIEWS = ["campaigns", "dashboard", "invoices", "notices", "users"];
  const REPORT_POLL_MS = 2000;
  const REPORT_POLL_LIMIT = 150;

  // ------------------------------------------------------------------ messages

  function say(text) {
    $("problem").hidden = true;
    $("problem").textContent = "";
    $("status").textContent = text || "";
  }

  function complain(error) {
    let text;
    if (error instanceof window.Api.Problem && error.status === 0) {
      text = t("networkProblem");
    } else if (error instanceof window.Api.Problem && error.status === 401) {
      text = t("sessionOver");
      window.Api.forget();
      show();
    } else if (error instanceof window.Api.Problem && error.status === 403) {
      text = t("notAllowed");
    } else {
      text = error && error.message ? error.message : String(error);
    }
    $("status").textContent = "";
    $("problem").textContent = text;
    $("problem").hidden = false;
  }

  function element(tag, text, attributes) {
    const el = document.createElement(tag);
    if (text !== undefined && text !== null) {
      el.textContent = String(text);
    }
    Object.entries(attributes || {}).forEach(function (pair) { el.setAttribute(pair[0], pair[1]); });
    return el;
  }

  function cell(row, label, content, className) {
    const td = element("td", typeof content === "object" ? null : content, { "data-label": label });
    if (content && typeof content === "object") {
      td.appendChild(content);
    }
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function link(text, url, download) {
    const a = element("a", text, { href: url, rel: "noopener" });
    if (download) {
      a.setAttribute("download", "");
    } else {
      a.setAttribute("target", "_blank");
    }
    return a;
  }

  function day(iso) {
    return iso ? new Date(iso + "T12:00:00").toLocaleDateString(window.I18N.locale()) : "";
  }

  function amount(text) {
    return Number(text).toLocaleString(window.I18N.locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  // ------------------------------------------------------------------ which account

  /**
   * The account the campaigns, dashboard and users sections act on: the user's own, or for an administrator one
   * of its sub-accounts (invoices and notices stay the client's own).
   */
  function account() {
    const chosen = $("account").value;
    return chosen ? "/client/sub-accounts/" + encodeURIComponent(chosen) : "/client";
  }

  async function accounts() {
    const user = window.Api.user();
    const select = $("account");
    if (!user || user.role !== "ADMINISTRATEUR") {
      select.replaceChildren(element("option", t("ownAccount"), { value: "" }));
      $("account-choice").hidden = true;
      return;
    }
    const subAccounts = await window.Api.call("GET", "/client/sub-accounts");
    const chosen = select.value;
    select.replaceChildren(element("option", t("ownAccount"), { value: "" }));
    subAccounts.forEach(function (p) {
      select.appendChild(element("option", p.name + " (" + p.clientId + ")", { value: p.clientId }));
    });
    select.value = chosen;
    $("account-choice").hidden = subAccounts.length === 0;
  }

  $("account").addEventListener("change", function () {
    say("");
    $("report").hidden = true;
    open(location.hash.replace("#", "") || "campaigns");
  });

  // ------------------------------------------------------------------ which screen

  function show() {
    const signedIn = window.Api.signedIn();
    $("signin").hidden = signedIn || window.Api.hasChallenge();
    $("newpassword").hidden = signedIn || !window.Api.hasChallenge();
    $("space").hidden = !signedIn;
    $("signout").hidden = !signedIn;
    const user = window.Api.user();
    $("who").textContent = user ? t("signedInAs") + " " + user.email : "";
    if (signedIn) {
      // Sections a role does not see are left out of the menu (the API refuses them anyway).
      const role = user ? user.role : "";
      document.querySelector('[data-view="invoices"]').parentElement.hidden = role === "SUPERVISEUR";
      document.querySelector('[data-view="users"]').parentElement.hidden = role !== "ADMINISTRATEUR";
      document.querySelector('[data-view="campaigns"]').parentElement.hidden = role === "FINANCE";
      document.querySelector('[data-view="dashboard"]').parentElement.hidden = role === "FINANCE";
      document.querySelector('[data-view="notices"]').parentElement.hidden = role === "SUPERVISEUR";
      const wanted = location.hash.replace("#", "");
      const allowed = VIEWS.filter(function (v) {
        return !document.querySelector('[data-view="' + v + '"]').parentElement.hidden;
      });
      accounts().catch(complain);
      open(allowed.indexOf(wanted) >= 0 ? wanted : allowed[0]);
    } else {
      const form = window.Api.hasChallenge() ? "newpassword-value" : "signin-email";
      $(form).focus();
    }
  }

  function open(view) {
    VIEWS.forEach(function (v) {
      $("view-" + v).hidden = v !== view;
      const a = document.querySelector('[data-view="' + v + '"]');
      if (v === view) {
        a.setAttribute("aria-current", "page");
      } else {
        a.removeAttribute("aria-current");
      }
    });
    if (location.hash !== "#" + view) {
      history.replaceState(null, "", "#" + view);
    }
    ({ campaigns: campaigns, dashboard: dashboard, invoices: invoices, notices: notices, users: users })[view]()
      .catch(complain);
  }

  // ------------------------------------------------------------------ sign in

  $("signin").addEventListener("submit", async function (e) {
    e.preventDefault();
    say(t("loading"));
    try {
      await window.Api.signIn($("signin-email").value.trim(), $("signin-password").value);
      $("signin-password").value = "";
      say("");
      show();
    } catch (error) {
      complain(error.type === "NotAuthorizedException" || error.type === "UserNotFoundException"
        ? new Error(t("badCredentials")) : error);
    }
  });

  $("newpassword").addEventListener("submit", async function (e) {
    e.preventDefault();
    if ($("newpassword-value").value !== $("newpassword-again").value) {
      complain(new Error(t("passwordsDiffer")));
      return;
    }
    try {
      await window.Api.setNewPassword($("newpassword-value").value);
      $("newpassword-value").value = "";
      $("newpassword-again").value = "";
      say("");
      show();
    } catch (error) {
      complain(error);
    }
  });

  $("signout").addEventListener("click", async function () {
    await window.Api.signOut();
    say("");
    show();
  });

  $("language").addEventListener("click", function () {
    window.I18N.toggle();
    $("language").textContent = t("otherLanguage");
    $("language").lang = window.I18N.language() === "fr" ? "en" : "fr";
    show();
  });

  document.querySelectorAll("[data-view]").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      say("");
      open(a.getAttribute("data-view"));
      $("h-" + a.getAttribute("data-view")).focus();
    });
  });

  // ------------------------------------------------------------------ campaigns and files

  const ACTIONS = { DRAFT: ["start"], ACTIVE: ["pause"], PAUSED: ["resume"], FINISHED: [] };

  async function campaigns() {
    const list = await window.Api.call("GET", account() + "/campaigns");
    const body = $("campaign-table").querySelector("tbody");
    body.replaceChildren();
    const select = $("upload-campaign");
    const chosen = select.value;
    select.replaceChildren();
    list.forEach(function (c) {
      const row = element("tr", null, { "data-campaign": c.campaignId });
      cell(row, t("campaign"), c.campaignId);
      cell(row, t("state"), t("status_" + c.status));
      cell(row, t("purpose"), t("purpose_" + c.purpose));
      const buttons = element("span");
      (ACTIONS[c.status] || []).forEach(function (action) {
        const button = element("button", t(action), { type: "button", "data-action": action });
        button.addEventListener("click", function () { act(c, action, button); });
        buttons.appendChild(button);
      });
      cell(row, t("actions"), buttons);
      body.appendChild(row);
      if (c.status !== "FINISHED") {
        select.appendChild(element("option", c.campaignId, { value: c.campaignId }));
      }
    });
    if (chosen) {
      select.value = chosen;
    }
  }

  async function act(campaign, action, button) {
    button.disabled = true;
    try {
      await window.Api.call("POST", account() + "/campaigns/" + encodeURIComponent(campaign.campaignId) + "/" + action,
        { version: campaign.version });
      say(t("done"));
      await campaigns();
    } catch (error) {
      button.disabled = false;
      complain(error);
    }
  }

  $("upload").addEventListener("submit", async function (e) {
    e.preventDefault();
    const file = $("upload-file").files[0];
    const campaign = $("upload-campaign").value;
    if (!file || !campaign) {
      complain(new Error(t("chooseFile")));
      return;
    }
    const submit = $("upload").querySelector("button");
    submit.disabled = true;
    $("upload-progress").value = 0;
    $("report").hidden = true;
    try {
      say(t("uploading"));
      const link = await window.Api.call("POST", account() + "/campaigns/" + encodeURIComponent(campaign) + "/uploads",
        { fileName: file.name, size: file.size });
      await window.Api.put(link.url, file, function (percent) {
        $("upload-progress").value = percent;
        $("upload-progress").textContent = percent + " %";
      });
      say(t("uploaded"));
      await report(campaign, link.report.split("/").pop().replace(/\.summary\.json$/, ""));
    } catch (error) {
      complain(error);
    } finally {
      submit.disabled = false;
    }
  });

  /** Waits for the file's report, then shows its figures, its reasons and the rejects file. */
  async function report(campaign, base) {
    for (let i = 0; i < REPORT_POLL_LIMIT; i++) {
      const listing = await window.Api.call("GET", account() + "/campaigns/" + encodeURIComponent(campaign) + "/reports");
      const summary = listing.reports.find(function (r) { return r.name === base + ".summary.json"; });
      if (summary) {
        const figures = await window.Api.download(summary.url);
        if (figures.status !== "IN_PROGRESS") {
          const rejects = listing.reports.find(function (r) { return r.name === base + ".rejects.csv"; });
          showReport(figures, rejects);
          say(t("reportReady"));
          return;
        }
      }
      await new Promise(function (resolve) { setTimeout(resolve, REPORT_POLL_MS); });
    }
    say(t("reportLate"));
  }

  function showReport(figures, rejects) {
    const list = $("report-figures");
    list.replaceChildren();
    ["status", "rowsRead", "accepted", "rejected", "skipped", "refusal"].forEach(function (name) {
      if (figures[name] !== undefined && figures[name] !== null) {
        list.appendChild(element("dt", t("fig_" + name)));
        const value = name === "status" ? t("file_" + figures[name]) : figures[name];
        list.appendChild(element("dd", value, { "data-figure": name }));
      }
    });
    const reasons = Object.entries(figures.rejectedByReason || {});
    const body = $("report-reasons").querySelector("tbody");
    body.replaceChildren();
    reasons.forEach(function (pair) {
      const row = element("tr");
      cell(row, t("reason"), t("reason_" + pair[0]));
      cell(row, t("rows"), pair[1], "amount");
      body.appendChild(row);
    });
    $("report-reasons").hidden = reasons.length === 0;
    $("report-rejects").hidden = !rejects;
    if (rejects) {
      $("report-rejects").href = rejects.url;
    }
    $("report").hidden = false;
    $("h-report").focus();
  }

  // ------------------------------------------------------------------ dashboard

  async function dashboard() {
    const links = $("dashboard-links");
    links.replaceChildren();
    $("dashboard-none").hidden = true;
    try {
      const files = await window.Api.call("GET", account() + "/dashboard");
      const page = window.I18N.language() === "en" ? files["index.en.html"] : files["index.html"];
      [[t("dashboardPage"), page, false], [t("dashboardCsv"), files["dashboard.csv"], true],
        [t("dashboardJson"), files["dashboard.json"], true]].forEach(function (entry) {
        const item = element("li");
        item.appendChild(link(entry[0], entry[1], entry[2]));
        links.appendChild(item);
      });
    } catch (error) {
      if (error.status === 404) {
        $("dashboard-none").hidden = false;
        return;
      }
      throw error;
    }
  }

  // ------------------------------------------------------------------ invoices

  function lastMonth() {
    const now = new Date();
    const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0");
  }

  $("invoice-month").addEventListener("submit", function (e) {
    e.preventDefault();
    invoices().catch(complain);
  });

  let invoiceRequest = 0;

  async function invoices() {
    if (!$("invoice-month-value").value) {
      $("invoice-month-value").value = lastMonth();
    }
    const month = $("invoice-month-value").value;
    const request = ++invoiceRequest;
    const answer = await window.Api.call("GET", "/client/invoices?month=" + encodeURIComponent(month));
    if (request !== invoiceRequest) {
      return; // another month was asked for meanwhile
    }
    const body = $("invoice-table").querySelector("tbody");
    body.replaceChildren();
    if (answer.documents.length === 0) {
      const row = element("tr");
      const td = cell(row, "", t("noInvoice"));
      td.colSpan = 7;
      body.appendChild(row);
    }
    for (const d of answer.documents) {
      const row = element("tr", null, { "data-invoice": d.number });
      cell(row, t("number"), d.number);
      cell(row, t("issued"), day(d.issue_date));
      cell(row, t("due"), day(d.due_date));
      cell(row, t("exclVat"), amount(d.total_excl_vat), "amount");
      cell(row, t("inclVat"), amount(d.total_incl_vat), "amount");
      cell(row, t("state"), t("inv_" + d.status));
      const files = element("span", null, { class: "links" });
      cell(row, t("files"), files);
      body.appendChild(row);
      const exports = await window.Api.call("GET", "/client/invoices/" + encodeURIComponent(d.number) + "/exports");
      if (request !== invoiceRequest) {
        return;
      }
      ["pdf", "facturx", "usage"].forEach(function (kind) {
        if (exports[kind]) {
          if (files.childNodes.length > 0) {
            files.appendChild(document.createTextNode(" · "));
          }
          files.appendChild(link(t(kind), exports[kind], true)).setAttribute("data-export", kind);
        }
      });
    }
  }

  // ------------------------------------------------------------------ notices

  async function notices() {
    const answer = await window.Api.call("GET", "/client/notices");
    const list = $("notice-list");
    list.replaceChildren();
    $("notices-none").hidden = answer.notices.length > 0;
    for (const n of answer.notices) {
      const notice = await window.Api.download(n.url);
      const item = element("li");
      if (notice.type === "PRICE_INCREASE") {
        item.appendChild(element("strong", t("priceIncrease") + " " + notice.priceList + " (" + notice.version + "), "
          + t("published") + " " + day(String(notice.publishedAt).slice(0, 10))));
        const rows = element("ul");
        (notice.increases || []).forEach(function (r) {
          rows.appendChild(element("li", r.origin_country + " → " + r.destination_country + " " + r.number_type + " : "
            + amount(r.price_per_minute) + " " + t("perMinute") + ", " + t("appliesFrom") + " " + day(r.valid_from)));
        });
        item.appendChild(rows);
      } else {
        item.textContent = notice.title || notice.type;
      }
      list.appendChild(item);
    }
  }

  // ------------------------------------------------------------------ users

  async function users() {
    const list = await window.Api.call("GET", account() + "/users");
    const body = $("user-table").querySelector("tbody");
    body.replaceChildren();
    const me = (window.Api.user() || {}).email;
    list.forEach(function (u) {
      const row = element("tr", null, { "data-user": u.email });
      cell(row, t("email"), u.email);
      cell(row, t("role"), t("role_" + u.role));
      cell(row, t("state"), t("user_" + u.status));
      const actions = element("span");
      if (u.status === "ACTIVE" && u.email !== me) {
        const button = element("button", t("remove"), { type: "button", class: "secondary" });
        button.addEventListener("click", async function () {
          if (!window.confirm(t("confirmRemove") + " " + u.email + " ?")) {
            return;
          }
          try {
            await window.Api.call("DELETE", account() + "/users/" + encodeURIComponent(u.email));
            say(t("removed") + " " + u.email);
            await users();
          } catch (error) {
            complain(error);
          }
        });
        actions.appendChild(button);
      }
      cell(row, t("actions"), actions);
      body.appendChild(row);
    });
  }

  $("invite").addEventListener("submit", async function (e) {
    e.preventDefault();
    const email = $("invite-email").value.trim();
    try {
      await window.Api.call("POST", account() + "/users", { email: email, role: $("invite-role").value });
      $("invite-email").value = "";
      say(t("invited") + " " + email);
      await users();
    } catch (error) {
      complain(error);
    }
  });

  // ------------------------------------------------------------------ start

  window.addEventListener("hashchange", function () {
    const view = location.hash.replace("#", "");
    if (window.Api.signedIn() && VIEWS.indexOf(view) >= 0 && $("view-" + view).hidden) {
      open(view);
    }
  });

  window.I18N.apply();
  $("language").textContent = t("otherLanguage");
  $("language").lang = window.I18N.language() === "fr" ? "en" : "fr";
  show();
}());
