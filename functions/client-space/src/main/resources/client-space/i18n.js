/* The client space's words, in French (the default) and English. */
"use strict";

window.I18N = (function () {
  const words = {
    fr: {
      skip: "Aller au contenu", title: "Espace client", signOut: "Se déconnecter", sections: "Rubriques",
      signInTitle: "Connexion", email: "Adresse e-mail", password: "Mot de passe", signIn: "Se connecter",
      newPasswordTitle: "Choisissez votre mot de passe",
      newPasswordHint: "Au moins 12 caractères, avec une majuscule, une minuscule, un chiffre et un symbole.",
      newPassword: "Nouveau mot de passe", newPasswordAgain: "Confirmez le mot de passe", setPassword: "Enregistrer",
      passwordsDiffer: "Les deux mots de passe diffèrent.",
      campaigns: "Campagnes", dashboard: "Tableau de bord", invoices: "Factures", notices: "Avis", users: "Utilisateurs",
      campaignsCaption: "Vos campagnes et leur état", campaign: "Campagne", state: "État", purpose: "Objet",
      actions: "Actions", start: "Démarrer", pause: "Mettre en pause", resume: "Reprendre",
      status_DRAFT: "Brouillon", status_ACTIVE: "En cours", status_PAUSED: "En pause", status_FINISHED: "Terminée",
      purpose_CUSTOMER_SERVICE: "Relation client", purpose_BUSINESS_PROSPECTING: "Prospection de professionnels",
      purpose_CONSUMER_PROSPECTING: "Prospection de particuliers",
      reason_MISSING_PHONE: "Numéro absent", reason_NOT_A_NUMBER: "Pas un numéro", reason_TOO_SHORT: "Numéro trop court",
      reason_TOO_LONG: "Numéro trop long", reason_INVALID_NUMBER: "Numéro invalide",
      reason_PREMIUM_RATE: "Numéro surtaxé", reason_DUPLICATE: "Doublon", reason_OPPOSED: "Opposé au démarchage",
      reason_NO_CONSENT: "Sans consentement", reason_MALFORMED_ROW: "Ligne illisible",
      uploadTitle: "Déposer un fichier de contacts", file: "Fichier (CSV ou XLSX)", upload: "Déposer",
      progress: "Progression", chooseFile: "Choisissez un fichier.", uploading: "Envoi du fichier…",
      uploaded: "Fichier reçu : compte rendu en préparation…", reportReady: "Compte rendu prêt.",
      reportLate: "Le compte rendu n'est pas encore prêt ; revenez dans quelques minutes.",
      reportTitle: "Compte rendu du fichier", rejectedByReason: "Lignes rejetées par motif", reason: "Motif",
      rows: "Lignes", rejectsFile: "Télécharger les lignes rejetées (CSV)",
      fig_status: "État", fig_rowsRead: "Lignes lues", fig_accepted: "Contacts acceptés", fig_rejected: "Lignes rejetées",
      file_PROCESSED: "Traité", file_REFUSED: "Refusé", file_UNGRANTED: "Refusé (déposé sans lien)",
      file_IN_PROGRESS: "En cours", fig_skipped: "Lignes ignorées", fig_refusal: "Motif du refus",
      dashboardNone: "Pas encore de tableau de bord : il est écrit dans l'heure.",
      dashboardPage: "Ouvrir le tableau de bord", dashboardCsv: "Les chiffres (CSV)", dashboardJson: "Les chiffres (JSON)",
      month: "Mois", show: "Afficher", invoicesCaption: "Factures et avoirs du mois", number: "Numéro",
      issued: "Émise le", due: "Échéance", exclVat: "HT (EUR)", inclVat: "TTC (EUR)", files: "Fichiers",
      noInvoice: "Aucune facture pour ce mois.", pdf: "PDF", facturx: "Factur-X", usage: "Détail des appels",
      inv_ISSUED: "À régler", inv_PAID: "Réglée", inv_OVERDUE: "En retard", inv_PARTIALLY_PAID: "Réglée en partie", inv_CREDIT_NOTE: "Avoir",
      inv_DISPUTED: "Contestée", inv_CREDITED: "Annulée par avoir",
      noticesNone: "Aucun avis.", priceIncrease: "Évolution de prix", appliesFrom: "applicable à partir du",
      published: "publiée le", perMinute: "EUR la minute",
      usersCaption: "Les personnes qui ont accès à cet espace", role: "Rôle", inviteTitle: "Inviter une personne",
      invite: "Inviter", remove: "Retirer l'accès", invited: "Invitation envoyée à",
      removed: "Accès retiré pour", confirmRemove: "Retirer l'accès de",
      role_ADMINISTRATEUR: "Administrateur", role_SUPERVISEUR: "Superviseur", role_FINANCE: "Finance (lecture)",
      user_ACTIVE: "Actif", user_REMOVED: "Retiré",
      account: "Compte", ownAccount: "Compte principal",
      signedInAs: "Connecté :", loading: "Chargement…", done: "Fait.",
      sessionOver: "Votre session a pris fin : connectez-vous à nouveau.",
      notAllowed: "Votre rôle ne donne pas accès à cette rubrique.",
      badCredentials: "Adresse e-mail ou mot de passe incorrect.",
      networkProblem: "Le service ne répond pas ; réessayez dans un instant.",
      otherLanguage: "English"
    },
    en: {
      skip: "Skip to content", title: "Client space", signOut: "Sign out", sections: "Sections",
      signInTitle: "Sign in", email: "E-mail address", password: "Password", signIn: "Sign in",
      newPasswordTitle: "Choose your password",
      newPasswordHint: "At least 12 characters, with an upper-case letter, a lower-case letter, a digit and a symbol.",
      newPassword: "New password", newPasswordAgain: "Confirm the password", setPassword: "Save",
      passwordsDiffer: "The two passwords differ.",
      campaigns: "Campaigns", dashboard: "Dashboard", invoices: "Invoices", notices: "Notices", users: "Users",
      campaignsCaption: "Your campaigns and their state", campaign: "Campaign", state: "State", purpose: "Purpose",
      actions: "Actions", start: "Start", pause: "Pause", resume: "Resume",
      status_DRAFT: "Draft", status_ACTIVE: "Running", status_PAUSED: "Paused", status_FINISHED: "Finished",
      purpose_CUSTOMER_SERVICE: "Customer service", purpose_BUSINESS_PROSPECTING: "Prospecting professionals",
      purpose_CONSUMER_PROSPECTING: "Prospecting consumers",
      reason_MISSING_PHONE: "No number", reason_NOT_A_NUMBER: "Not a number", reason_TOO_SHORT: "Number too short",
      reason_TOO_LONG: "Number too long", reason_INVALID_NUMBER: "Invalid number",
      reason_PREMIUM_RATE: "Premium-rate number", reason_DUPLICATE: "Duplicate", reason_OPPOSED: "Opposed to calls",
      reason_NO_CONSENT: "No consent", reason_MALFORMED_ROW: "Unreadable row",
      uploadTitle: "Upload a contact file", file: "File (CSV or XLSX)", upload: "Upload", progress: "Progress",
      chooseFile: "Choose a file.", uploading: "Uploading the file…",
      uploaded: "File received: its report is being prepared…", reportReady: "Report ready.",
      reportLate: "The report is not ready yet; come back in a few minutes.",
      reportTitle: "File report", rejectedByReason: "Rejected rows by reason", reason: "Reason", rows: "Rows",
      rejectsFile: "Download the rejected rows (CSV)",
      fig_status: "State", fig_rowsRead: "Rows read", fig_accepted: "Contacts accepted", fig_rejected: "Rows rejected",
      file_PROCESSED: "Processed", file_REFUSED: "Refused", file_UNGRANTED: "Refused (not uploaded through a link)",
      file_IN_PROGRESS: "In progress", fig_skipped: "Rows skipped", fig_refusal: "Why it was refused",
      dashboardNone: "No dashboard yet: it is written within the hour.",
      dashboardPage: "Open the dashboard", dashboardCsv: "The figures (CSV)", dashboardJson: "The figures (JSON)",
      month: "Month", show: "Show", invoicesCaption: "The month's invoices and credit notes", number: "Number",
      issued: "Issued on", due: "Due on", exclVat: "Excl. VAT (EUR)", inclVat: "Incl. VAT (EUR)", files: "Files",
      noInvoice: "No invoice for this month.", pdf: "PDF", facturx: "Factur-X", usage: "Call detail",
      inv_ISSUED: "To pay", inv_PAID: "Paid", inv_OVERDUE: "Overdue", inv_PARTIALLY_PAID: "Partly paid", inv_CREDIT_NOTE: "Credit note",
      inv_DISPUTED: "Disputed", inv_CREDITED: "Cancelled by a credit note",
      noticesNone: "No notice.", priceIncrease: "Price change", appliesFrom: "applies from",
      published: "published on", perMinute: "EUR per minute",
      usersCaption: "The people who can use this space", role: "Role", inviteTitle: "Invite someone",
      invite: "Invite", remove: "Remove access", invited: "Invitation sent to", removed: "Access removed for",
      confirmRemove: "Remove the access of",
      role_ADMINISTRATEUR: "Administrator", role_SUPERVISEUR: "Supervisor", role_FINANCE: "Finance (read only)",
      user_ACTIVE: "Active", user_REMOVED: "Removed",
      account: "Account", ownAccount: "Main account",
      signedInAs: "Signed in:", loading: "Loading…", done: "Done.",
      sessionOver: "Your session has ended: please sign in again.",
      notAllowed: "Your role does not give access to this section.",
      badCredentials: "Wrong e-mail address or password.",
      networkProblem: "The service does not answer; try again in a moment.",
      otherLanguage: "Français"
    }
  };

  let language = (function () {
    const chosen = window.localStorage.getItem("language");
    if (chosen === "fr" || chosen === "en") {
      return chosen;
    }
    return (navigator.language || "fr").toLowerCase().startsWith("en") ? "en" : "fr";
  }());

  function t(key) {
    return (words[language] && words[language][key]) || words.fr[key] || key;
  }

  /** Every element marked with data-i18n gets its words; the page's language follows. */
  function apply(root) {
    document.documentElement.lang = language;
    document.title = t("title");
    (root || document).querySelectorAll("[data-i18n]").forEach(function (el) {
      el.textContent = t(el.getAttribute("data-i18n"));
    });
    (root || document).querySelectorAll("[data-i18n-label]").forEach(function (el) {
      el.setAttribute("aria-label", t(el.getAttribute("data-i18n-label")));
    });
  }

  function toggle() {
    language = language === "fr" ? "en" : "fr";
    window.localStorage.setItem("language", language);
    apply();
  }

  return {
    t: t, apply: apply, toggle: toggle,
    language: function () { return language; },
    locale: function () { return language === "fr" ? "fr-FR" : "en-GB"; }
  };
}());
