// The merchant portal's script. It is a client of the public API like any integration: every read and write below is
// a /v1 call, authenticated by the portal's HttpOnly session cookie, with the session's CSRF token on writes. It
// renders with textContent only (never innerHTML), so nothing the API returns can become markup.
"use strict";

const params = new URLSearchParams(location.search);
const embedded = params.get("embed") === "1";
const main = document.getElementById("main");

// ---------- API ----------

function csrfToken() {
  const cookie = document.cookie.split("; ").find((part) => part.startsWith("ef_portal_csrf="));
  return cookie ? decodeURIComponent(cookie.split("=")[1]) : "";
}

function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return "portal-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || "The request failed.");
    this.status = status;
    this.code = problem.code;
  }
}

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") {
    headers["Content-Type"] = "application/json";
    headers["X-CSRF-Token"] = csrfToken();
    if (method === "POST") headers["Idempotency-Key"] = newKey();
  }
  const response = await fetch("../v1/" + path, {
    method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (response.status === 401) throw new ApiError(401, { detail: "Your portal session has ended. Open a new portal link to sign in again." });
  if (!response.ok) throw new ApiError(response.status, json);
  showMode(json);
  return json;
}

// The session's mode, from what the API says of its objects.
function showMode(json) {
  const livemode = json.livemode ?? (json.data && json.data[0] ? json.data[0].livemode : undefined);
  if (livemode === undefined) return;
  const mode = document.getElementById("mode");
  mode.textContent = livemode ? "Live mode" : "Test mode";
  mode.className = "badge " + (livemode ? "live" : "test");
  mode.hidden = false;
}

// ---------- rendering helpers ----------

function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function money(amount, currency) {
  const code = String(currency).toUpperCase();
  try {
    const format = new Intl.NumberFormat("en", { style: "currency", currency: code });
    const digits = format.resolvedOptions().maximumFractionDigits;
    return format.format(amount / Math.pow(10, digits));
  } catch {
    return amount + " " + code;
  }
}

function when(seconds) {
  return seconds ? new Date(seconds * 1000).toISOString().replace("T", " ").slice(0, 19) + " UTC" : "—";
}

const badge = (status) => h("span", { class: "badge " + status }, status);
const link = (href, text) => h("a", { href }, text);
const id = (value) => h("code", {}, value);

function table(headers, rows, empty) {
  if (rows.length === 0) return h("p", { class: "muted" }, empty || "Nothing yet.");
  return h("table", {},
    h("thead", {}, h("tr", {}, headers.map((header) => h("th", { scope: "col", class: header.endsWith("#") ? "num" : null }, header.replace(/#$/, ""))))),
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((cell) => h("td", { class: typeof cell === "object" && cell && cell.num ? "num" : null }, cell && cell.num ? cell.value : cell))))));
}

const num = (value) => ({ num: true, value });

function facts(pairs) {
  return h("dl", { class: "facts" }, pairs.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

function notice(text, kind) {
  return h("div", { class: "notice-box" + (kind ? " " + kind : ""), role: kind === "error" ? "alert" : "status" }, text);
}

function page(title, ...content) {
  main.replaceChildren(h("h1", {}, title), ...content.flat().filter((child) => child !== null && child !== undefined && child !== false));
  document.title = title + " · EmbeddedFinance portal";
  main.focus({ preventScroll: true });
}

// Runs a write from a button or form, shows its outcome in `status`, then re-renders the page.
async function act(status, run, done) {
  try {
    const result = await run();
    if (done) await done(result);
  } catch (error) {
    status.replaceChildren(notice(error.message, "error"));
  }
}

// A synthetic cursor: ids sort by creation time, so the smallest id of an instant lists what was created from then on.
function idAt(prefix, date) {
  const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
  let millis = date.getTime() - 1;
  let text = "";
  for (let i = 0; i < 10; i++) { text = alphabet[millis % 32] + text; millis = Math.floor(millis / 32); }
  return prefix + "_" + text + "z".repeat(16);
}

// ---------- pages ----------

async function overview() {
  const midnight = new Date(); midnight.setUTCHours(0, 0, 0, 0);
  const [accounts, today, endpoints] = await Promise.all([
    api("GET", "accounts?limit=100"),
    api("GET", "payments?limit=100&starting_after=" + idAt("pay", midnight)),
    api("GET", "webhook_endpoints?limit=100"),
  ]);
  const totals = {};
  const balances = await Promise.all(accounts.data.map((account) => api("GET", "accounts/" + account.id + "/balance")));
  for (const balance of balances) {
    for (const kind of ["available", "pending", "in_transit"]) {
      for (const line of balance[kind]) {
        const total = (totals[line.currency] ||= { available: 0, pending: 0, in_transit: 0 });
        total[kind] += line.amount;
      }
    }
  }
  const succeeded = today.data.filter((payment) => payment.status === "succeeded");
  const failing = endpoints.data.filter((endpoint) => endpoint.status !== "enabled");
  page("Overview",
    h("h2", {}, "Balances of connected accounts"),
    h("div", { class: "cards" }, Object.keys(totals).length === 0 ? h("p", { class: "muted" }, "No balances yet.") :
      Object.entries(totals).map(([currency, total]) => h("div", { class: "card" },
        h("div", { class: "muted" }, currency.toUpperCase() + " available"), h("div", { class: "figure" }, money(total.available, currency)),
        h("div", { class: "muted" }, "Pending " + money(total.pending, currency) + " · in transit " + money(total.in_transit, currency))))),
    h("h2", {}, "Today"),
    h("div", { class: "cards" },
      h("div", { class: "card" }, h("div", { class: "muted" }, "Payments today"), h("div", { class: "figure" }, String(today.data.length) + (today.has_more ? "+" : ""))),
      h("div", { class: "card" }, h("div", { class: "muted" }, "Succeeded"), h("div", { class: "figure" }, String(succeeded.length)))),
    h("h2", {}, "Failing webhook endpoints"),
    table(["Endpoint", "URL", "Status"], failing.map((endpoint) => [link("#/webhooks/" + endpoint.id, endpoint.id), endpoint.url, badge(endpoint.status)]), "Every endpoint is enabled."));
}

async function payments(query) {
  const status = query.get("status") || "";
  const from = query.get("from") || "";
  const after = query.get("after") || (from ? idAt("pay", new Date(from + "T00:00:00Z")) : "");
  const list = await api("GET", "payments?limit=25" + (after ? "&starting_after=" + encodeURIComponent(after) : ""));
  const shown = list.data.filter((payment) => !status || payment.status === status);
  const filters = h("form", { class: "filters", onsubmit: (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const next = new URLSearchParams();
    for (const name of ["status", "from"]) if (form.get(name)) next.set(name, form.get(name));
    location.hash = "#/payments?" + next;
  } },
    h("label", {}, "Status", h("select", { name: "status" }, ["", "succeeded", "requires_capture", "canceled", "failed"].map((value) =>
      h("option", { value, selected: value === status }, value || "any")))),
    h("label", {}, "Created from (UTC)", h("input", { type: "date", name: "from", value: from })),
    h("button", { type: "submit" }, "Apply"));
  const next = new URLSearchParams(query);
  if (list.data.length > 0) next.set("after", list.data[list.data.length - 1].id);
  page("Payments", filters,
    table(["Payment", "Amount#", "Status", "Card", "Created"], shown.map((payment) => [
      link("#/payments/" + payment.id, payment.id), num(money(payment.amount, payment.currency)), badge(payment.status),
      payment.card ? payment.card.brand + " ····" + payment.card.last4 : "—", when(payment.created)]), "No payments here."),
    status ? h("p", { class: "muted" }, "The status filter applies to this page of payments, oldest first.") : null,
    h("nav", { class: "pager", "aria-label": "Pages" }, list.has_more ? link("#/payments?" + next, "Next page →") : h("span", { class: "muted" }, "End of list")));
}

async function attemptsOf(eventId) {
  return attemptsTable(await api("GET", "events/" + eventId + "/deliveries"));
}

function attemptsTable(attempts) {
  return table(["Endpoint", "Attempt#", "Status", "HTTP", "Error", "Next attempt", "At"], attempts.data.map((attempt) => [
    link("#/webhooks/" + attempt.endpoint, attempt.endpoint), num((attempt.manual ? "manual " : "") + attempt.attempt), badge(attempt.status),
    attempt.status_code ?? "—", attempt.error || "—", when(attempt.next_attempt_at), when(attempt.created)]), "No delivery attempts.");
}

// An object's events, each with its delivery attempts (read in parallel).
async function eventsWithAttempts(events) {
  const attempts = await Promise.all(events.data.map((event) => api("GET", "events/" + event.id + "/deliveries")));
  const sections = events.data.map((event, index) => [
    h("h3", {}, link("#/events/" + event.id, event.type), " ", h("span", { class: "muted" }, when(event.created))), attemptsTable(attempts[index])]);
  return sections.length ? sections.flat() : [h("p", { class: "muted" }, "No events.")];
}

function postingsTable(transactions) {
  return table(["Transaction", "Type", "Reference", "Account", "Amount#", "Created"], transactions.flatMap((transaction) => transaction.postings.map((posting, index) => [
    index === 0 ? id(transaction.id) : "", index === 0 ? transaction.type : "", index === 0 ? id(transaction.reference) : "",
    id(posting.account), num(money(posting.amount, transaction.currency)), index === 0 ? when(transaction.created) : ""])), "No ledger postings yet.");
}

async function payment(paymentId) {
  const [payment, ledger, events] = await Promise.all([api("GET", "payments/" + paymentId), api("GET", "ledger/transactions?limit=100&reference=" + paymentId),
    api("GET", "events?limit=100&object=" + encodeURIComponent(paymentId))]);
  const refunds = ledger.data.filter((transaction) => transaction.type === "payment.refund");
  const card = payment.card || {};
  page("Payment " + money(payment.amount, payment.currency),
    facts([
      ["Id", id(payment.id)], ["Status", badge(payment.status)], ["Captured", money(payment.amount_captured, payment.currency)],
      ["Refunded", money(payment.amount_refunded, payment.currency)], ["Application fee", money(payment.application_fee_amount, payment.currency)],
      ["Card", (card.brand || "") + " ····" + (card.last4 || "")], ["Fingerprint", id(card.fingerprint || "—")], ["Created", when(payment.created)],
      ...(payment.failure_code ? [["Failure", payment.failure_code + ": " + payment.failure_message]] : []),
    ]),
    h("h2", {}, "Splits"),
    table(["Account", "Amount#"], payment.splits.map((split) => [link("#/accounts/" + split.account, split.account), num(money(split.amount, payment.currency))]), "No splits: the amount less the fee is the merchant's."),
    h("h2", {}, "Refunds"),
    table(["Refund", "Amount#", "Created"], refunds.map((transaction) => [id(transaction.reference),
      num(money(transaction.postings.filter((posting) => posting.amount > 0).reduce((sum, posting) => sum + posting.amount, 0), transaction.currency)), when(transaction.created)]), "No refunds."),
    h("h2", { id: "ledger" }, "Ledger postings"),
    postingsTable(ledger.data),
    h("h2", {}, "Events and delivery attempts"),
    ...(await eventsWithAttempts(events)));
}

async function accounts() {
  const list = await api("GET", "accounts?limit=100");
  page("Connected accounts", table(["Account", "Name", "Country", "Currency", "Payout schedule"], list.data.map((account) => [
    link("#/accounts/" + account.id, account.id), account.display_name, account.country, account.default_currency.toUpperCase(),
    account.payout_schedule ? account.payout_schedule.interval : "manual"]), "No connected accounts."));
}

async function account(accountId) {
  const [account, balance, payouts] = await Promise.all([
    api("GET", "accounts/" + accountId), api("GET", "accounts/" + accountId + "/balance"), api("GET", "payouts?limit=100&account=" + accountId)]);
  const lines = [];
  for (const kind of ["available", "pending", "in_transit"]) for (const line of balance[kind]) lines.push([kind, num(money(line.amount, line.currency))]);
  page(account.display_name,
    facts([["Id", id(account.id)], ["Email", account.email], ["Country", account.country],
      ["Payout destination", account.payout_destination ? account.payout_destination.type + " ····" + account.payout_destination.last4 : "none"],
      ["Identity", account.individual ? badge(account.individual.verification_status) : "none"],
      ["Payouts enabled", account.payouts_enabled ? "yes" : "no"]]),
    h("h2", {}, "Requirements"), requirementsTable(account.requirements),
    h("h2", {}, "Balance"), table(["Balance", "Amount#"], lines, "No balance yet."),
    h("h2", {}, "Payouts"), payoutTable(payouts.data));
}

function requirementsTable(requirements) {
  if (!requirements) return table(["Field", "State"], [], "Nothing due.");
  const rows = [];
  for (const field of requirements.currently_due) rows.push([field, "due"]);
  for (const field of requirements.pending_verification) rows.push([field, "pending verification"]);
  for (const error of requirements.errors) rows.push([error.field, error.code]);
  return table(["Field", "State"], rows, "Nothing due.");
}

function payoutTable(list) {
  return table(["Payout", "Account", "Amount#", "Status", "Method", "Created"], list.map((payout) => [
    id(payout.id), link("#/accounts/" + payout.account, payout.account), num(money(payout.amount, payout.currency)), badge(payout.status),
    payout.method + (payout.automatic ? " (automatic)" : ""), when(payout.created)]), "No payouts.");
}

async function payouts(query) {
  const after = query.get("after") || "";
  const list = await api("GET", "payouts?limit=25" + (after ? "&starting_after=" + encodeURIComponent(after) : ""));
  const next = new URLSearchParams({ after: list.data.length ? list.data[list.data.length - 1].id : "" });
  page("Payouts", payoutTable(list.data),
    h("nav", { class: "pager", "aria-label": "Pages" }, list.has_more ? link("#/payouts?" + next, "Next page →") : h("span", { class: "muted" }, "End of list")));
}

function eventsInput(value) {
  return h("label", {}, "Enabled events (comma-separated, * for all)", h("input", { name: "enabled_events", value, size: 40, required: true }));
}

const eventList = (text) => text.split(",").map((part) => part.trim()).filter(Boolean);

async function webhooks() {
  const list = await api("GET", "webhook_endpoints?limit=100");
  const status = h("div", { "aria-live": "polite" });
  const create = h("form", { class: "inline", onsubmit: (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    act(status, () => api("POST", "webhook_endpoints", {
      url: form.get("url"), enabled_events: eventList(form.get("enabled_events")), description: form.get("description") || undefined,
    }), async (created) => {
      await webhooks();
      main.querySelector("[aria-live]").replaceChildren(secretNotice("Endpoint " + created.id + " created.", created.secret));
    });
  } },
    h("label", {}, "URL", h("input", { name: "url", type: "url", required: true, size: 40, placeholder: "https://example.com/hooks" })),
    eventsInput("*"),
    h("label", {}, "Description", h("input", { name: "description" })),
    h("button", { type: "submit" }, "Add endpoint"));
  page("Webhooks", status,
    table(["Endpoint", "URL", "Events", "Status", "Created"], list.data.map((endpoint) => [
      link("#/webhooks/" + endpoint.id, endpoint.id), endpoint.url, endpoint.enabled_events.join(", "), badge(endpoint.status), when(endpoint.created)]), "No endpoints yet."),
    h("h2", {}, "Add an endpoint"), create);
}

function secretNotice(text, secret) {
  return h("div", { class: "notice-box", role: "status" }, text + " Its signing secret is shown only now: ", h("code", { class: "secret" }, secret));
}

function toLocalInput(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) + "T" + pad(date.getHours()) + ":" + pad(date.getMinutes());
}

async function webhook(endpointId) {
  const endpoint = await api("GET", "webhook_endpoints/" + endpointId);
  const status = h("div", { "aria-live": "polite" });
  const reload = async (message) => { await webhook(endpointId); if (message) main.querySelector("[aria-live]").replaceChildren(message); };
  const edit = h("form", { class: "inline", onsubmit: (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    act(status, () => api("PATCH", "webhook_endpoints/" + endpointId, { enabled_events: eventList(form.get("enabled_events")) }), () => reload(notice("Enabled events saved.")));
  } }, eventsInput(endpoint.enabled_events.join(", ")), h("button", { type: "submit" }, "Save events"));
  const rotate = h("form", { class: "inline", onsubmit: (event) => {
    event.preventDefault();
    const hours = Number(new FormData(event.target).get("overlap"));
    act(status, () => api("POST", "webhook_endpoints/" + endpointId + "/rotate_secret", { expire_previous_in_seconds: Math.round(hours * 3600) }),
      (rotated) => reload(secretNotice("Secret rotated; the previous one signs until " + when(rotated.previous_secret_expires_at) + ".", rotated.secret)));
  } }, h("label", {}, "Previous secret keeps signing for (hours)", h("input", { name: "overlap", type: "number", min: 0, max: 168, step: "any", value: 24 })),
    h("button", { type: "submit", class: "secondary" }, "Rotate secret"));
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
  const recover = h("form", { class: "inline", onsubmit: (event) => {
    event.preventDefault();
    const since = new Date(new FormData(event.target).get("since"));
    act(status, () => api("POST", "webhook_endpoints/" + endpointId + "/recover", { since: Math.floor(since.getTime() / 1000) }),
      (recovery) => reload(notice(recovery.events + " failed event(s) queued for redelivery.")));
  } }, h("label", {}, "Recover failed deliveries since (your local time)", h("input", { name: "since", type: "datetime-local", required: true, value: toLocalInput(yesterday) })),
    h("button", { type: "submit" }, "Recover failed"));
  const enabled = endpoint.status === "enabled";
  page("Webhook endpoint", status,
    facts([["Id", id(endpoint.id)], ["URL", endpoint.url], ["Status", badge(endpoint.status)], ["Description", endpoint.description || "—"],
      ["API version", endpoint.api_version], ["Created", when(endpoint.created)]]),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "secondary", onclick: () => act(status, () => api("PATCH", "webhook_endpoints/" + endpointId, { status: enabled ? "disabled" : "enabled" }), () => reload()) },
        enabled ? "Disable" : "Enable"),
      h("button", { type: "button", class: "danger", onclick: () => {
        if (confirm("Delete endpoint " + endpointId + "? Deliveries to it stop.")) act(status, () => api("DELETE", "webhook_endpoints/" + endpointId), () => { location.hash = "#/webhooks"; });
      } }, "Delete")),
    h("h2", {}, "Enabled events"), edit,
    h("h2", {}, "Signing secret"), rotate,
    h("h2", {}, "Recover failed deliveries"), recover,
    h("p", {}, link("#/events", "Events and their delivery attempts →")));
}

async function events(query) {
  const after = query.get("after") || "";
  const list = await api("GET", "events?limit=25" + (after ? "&starting_after=" + encodeURIComponent(after) : ""));
  const next = new URLSearchParams({ after: list.data.length ? list.data[list.data.length - 1].id : "" });
  page("Events", table(["Event", "Type", "Object", "Created"], list.data.map((event) => [
    link("#/events/" + event.id, event.id), event.type, id(event.data.object.id || "—"), when(event.created)]), "No events yet."),
    h("nav", { class: "pager", "aria-label": "Pages" }, list.has_more ? link("#/events?" + next, "Next page →") : h("span", { class: "muted" }, "End of list")));
}

async function eventPage(eventId) {
  const [event, endpoints] = await Promise.all([api("GET", "events/" + eventId), api("GET", "webhook_endpoints?limit=100")]);
  const status = h("div", { "aria-live": "polite" });
  const redeliver = h("form", { class: "inline", onsubmit: (submitted) => {
    submitted.preventDefault();
    const endpoint = new FormData(submitted.target).get("endpoint");
    act(status, () => api("POST", "events/" + eventId + "/redeliver", endpoint ? { endpoint } : {}),
      async (answer) => { await eventPage(eventId); main.querySelector("[aria-live]").replaceChildren(notice("Redelivery queued to " + (answer.endpoints.join(", ") || "no endpoint") + ".")); });
  } }, h("label", {}, "Endpoint", h("select", { name: "endpoint" }, h("option", { value: "" }, "every subscribed endpoint"),
    endpoints.data.filter((endpoint) => endpoint.status === "enabled").map((endpoint) => h("option", { value: endpoint.id }, endpoint.id + " " + endpoint.url)))),
  h("button", { type: "submit" }, "Redeliver"));
  page("Event " + event.type, status,
    facts([["Id", id(event.id)], ["Object", id(event.data.object.id || "—")], ["Created", when(event.created)]]),
    !embedded && String(event.data.object.id || "").startsWith("pay_") ? h("p", {}, link("#/payments/" + event.data.object.id, "Open the payment →")) : null,
    h("h2", {}, "Delivery attempts"), await attemptsOf(eventId),
    h("h2", {}, "Redeliver"), redeliver);
}

// ---------- routing ----------

const routes = [
  [/^\/$/, overview, "dashboard"],
  [/^\/payments$/, payments, "dashboard"],
  [/^\/payments\/(pay_[0-9a-z]+)$/, payment, "dashboard"],
  [/^\/accounts$/, accounts, "dashboard"],
  [/^\/accounts\/(acct_[0-9a-z]+)$/, account, "dashboard"],
  [/^\/payouts$/, payouts, "dashboard"],
  [/^\/webhooks$/, webhooks, "webhooks"],
  [/^\/webhooks\/(we_[0-9a-z]+)$/, webhook, "webhooks"],
  [/^\/events$/, events, "webhooks"],
  [/^\/events\/(evt_[0-9a-z]+)$/, eventPage, "webhooks"],
];

async function route() {
  const hash = location.hash.slice(1) || (embedded ? "/webhooks" : "/");
  const [path, search] = hash.split("?");
  const query = new URLSearchParams(search || "");
  const found = routes.find(([pattern, , section]) => pattern.test(path) && (!embedded || section === "webhooks"));
  for (const item of document.querySelectorAll("#nav a")) {
    const target = item.getAttribute("href").slice(1);
    if (target === path || (target !== "/" && path.startsWith(target + "/"))) item.setAttribute("aria-current", "page");
    else item.removeAttribute("aria-current");
  }
  if (!found) return page("Not found", h("p", {}, "There is no such page in the portal."));
  try {
    const match = path.match(found[0]);
    await (match[1] ? found[1](match[1]) : found[1](query));
  } catch (error) {
    page(error.status === 401 ? "Signed out" : "Something went wrong", notice(error.message, "error"));
  }
}

for (const item of document.querySelectorAll("#nav li")) {
  if (embedded && item.dataset.section !== "webhooks") item.remove();
}
window.addEventListener("hashchange", route);
route();
