// Browser checks of every area-send page in Debian's Chromium:
//  - axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules, zero violations allowed;
//  - reflow: no horizontal scrolling at 320 CSS pixels;
//  - keyboard: a skip link first, visible focus on every stop, and real tasks done
//    with the keyboard alone.
// Usage: AREA_SEND_URL=http://127.0.0.1:PORT node check.mjs   (against `area-send demo`)

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BASE = process.env.AREA_SEND_URL || "http://127.0.0.1:8080";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const DEMO = {
  lead: ["lead.inspector@demo.area-send.test", "demo-lead-inspector"],
  council: ["council.reviewer@demo.area-send.test", "demo-council-reviewer"],
  icb: ["icb.reviewer@demo.area-send.test", "demo-icb-reviewer"],
  admin: ["admin@demo.area-send.test", "demo-administrator"],
};

let passed = 0;
let failed = 0;
const failures = [];

function check(name, ok, detail = "") {
  if (ok) {
    passed++;
  } else {
    failed++;
    failures.push(`${name}${detail ? `: ${detail}` : ""}`);
    console.log(`FAIL ${name}${detail ? `\n     ${detail}` : ""}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function newPage(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-GB", javaScriptEnabled: true });
  return context.newPage();
}

async function signIn(page, who) {
  await page.goto(`${BASE}/sign-in`);
  await page.fill("#email", who[0]);
  await page.fill("#password", who[1]);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit].button")]);
}

// Run axe on the page as it is now, and check it reflows at 320px.
async function audit(page, label) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  }, TAGS);
  check(`axe ${label}`, result.length === 0, result.join("\n     "));
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(`reflow at 320px ${label}`, overflow <= 0, `${overflow}px of horizontal scrolling`);
  await page.setViewportSize(size);
}

// Every page type, including error and empty states. Each entry gets a page
// in the right state; the list is the register of pages to keep complete.
const PAGES = [
  ["sign in", null, async (p) => p.goto(`${BASE}/sign-in`)],
  ["sign in, signed out notice", null, async (p) => p.goto(`${BASE}/sign-in?signed_out=1`)],
  ["sign in with errors", null, async (p) => {
    await p.goto(`${BASE}/sign-in`);
    await Promise.all([p.waitForNavigation(), p.click("button[type=submit].button")]);
  }],
  ["sign in, wrong password", null, async (p) => {
    await p.goto(`${BASE}/sign-in`);
    await p.fill("#email", "nobody@demo.area-send.test");
    await p.fill("#password", "wrong password");
    await Promise.all([p.waitForNavigation(), p.click("button[type=submit].button")]);
  }],
  ["404 page", null, async (p) => p.goto(`${BASE}/no-such-page`)],
  ["inspections list (lead)", DEMO.lead, async (p) => p.goto(`${BASE}/inspections`)],
  ["set up an inspection", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/new`)],
  ["set up an inspection with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/new`);
    await Promise.all([p.waitForNavigation(), p.click("form[action='/inspections'] button[type=submit]")]);
  }],
  ["inspection overview (lead)", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1`)],
  ["inspection overview with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1`);
    await Promise.all([p.waitForNavigation(), p.click("form[action='/inspections/1/team'] button[type=submit]")]);
  }],
  ["inspections list (council reviewer)", DEMO.council, async (p) => p.goto(`${BASE}/inspections`)],
  ["inspection overview (ICB reviewer)", DEMO.icb, async (p) => p.goto(`${BASE}/inspections/1`)],
  ["403 page", DEMO.council, async (p) => p.goto(`${BASE}/admin`)],
  ["404 for another inspection", DEMO.council, async (p) => p.goto(`${BASE}/inspections/2`)],
  ["administration", DEMO.admin, async (p) => p.goto(`${BASE}/admin`)],
  ["administration with errors", DEMO.admin, async (p) => {
    await p.goto(`${BASE}/admin`);
    await Promise.all([p.waitForNavigation(), p.click("form[action='/admin/partnerships'] button[type=submit]")]);
  }],
  ["administration, user added", DEMO.admin, async (p) => p.goto(`${BASE}/admin?added=user`)],
  ["inspection overview (admin)", DEMO.admin, async (p) => p.goto(`${BASE}/inspections/2`)],
  ["surveys (inspectors' view)", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/surveys`)],
  // Evidence pages, each with its error state where it has a form.
  ["evidence hub", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/evidence`)],
  ["statistics", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/indicators`)],
  ["statistics import with no file", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/indicators`);
    await Promise.all([p.waitForNavigation(), p.click("form[action='/inspections/1/indicators/import'] button[type=submit]")]);
  }],
  ["one indicator with its chart", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/indicators`);
    await Promise.all([p.waitForNavigation(), p.click("table a[href*='/indicators/']")]);
  }],
  ["local data", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/local-data`)],
  ["local data with no file", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/local-data`);
    await Promise.all([p.waitForNavigation(), p.click("form[action='/inspections/1/local-data'] button[type=submit]")]);
  }],
  ["statutory duties", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/duties`)],
  ["statutory duties with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/duties`);
    await p.check("input[name=status][value=met] >> nth=0");
    await p.fill("textarea[name=evidence] >> nth=0", "");
    await Promise.all([p.waitForNavigation(), p.click("form[action='/inspections/1/duties'] button[type=submit] >> nth=0")]);
  }],
  ["documents", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/documents`)],
  ["documents with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/documents`);
    await Promise.all([p.waitForNavigation(), p.click("form[action='/inspections/1/documents'] button[type=submit]")]);
  }],
  ["case notes", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/cases`)],
  ["case notes with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/cases`);
    await Promise.all([p.waitForNavigation(), p.click("form[action='/inspections/1/cases'] button[type=submit]")]);
  }],
  ["survey results", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/results`)],
  ["one survey's results with a breakdown", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/results`);
    await Promise.all([p.waitForNavigation(), p.click("table a[href*='/results/']")]);
    const by = await p.$$eval("#by option", (os) => os.map((o) => o.value).filter((v) => v));
    if (by.length) {
      await p.selectOption("#by", by[0]);
      await Promise.all([p.waitForNavigation(), p.click("form.breakdown-form button[type=submit]")]);
    }
  }],
  ["who answered", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/representativeness`)],
  ["who answered with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/representativeness`);
    await p.fill("form[action='/inspections/1/representativeness'] input[type=text] >> nth=0", "lots");
    await Promise.all([p.waitForNavigation(), p.click("form[action='/inspections/1/representativeness'] button[type=submit] >> nth=0")]);
  }],
  ["free-text answers", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/free-text`)],
  ["free-text answers with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/free-text`);
    const forms = await p.$$("form[action*='/free-text/']");
    if (forms.length) {
      await p.check("form[action*='/free-text/'] input[value=usable] >> nth=0");
      await p.fill("form[action*='/free-text/'] textarea >> nth=0", "");
      await Promise.all([p.waitForNavigation(), p.click("form[action*='/free-text/'] button[type=submit] >> nth=0")]);
    }
  }],
  ["evidence matrix", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/matrix`)],
  ["evidence matrix cell", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/matrix`);
    await Promise.all([p.waitForNavigation(), p.click("table.matrix a >> nth=0")]);
  }],
  ["evidence refused to a reviewer", DEMO.council, async (p) => p.goto(`${BASE}/inspections/1/evidence`)],
  // Judging and the report, each with its error state where it has a form.
  ["findings", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/findings`)],
  ["add a finding", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/findings/new`)],
  ["add a finding with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/findings/new`);
    await p.check("#kind-area_for_priority_action");
    await Promise.all([p.waitForNavigation(), p.click("form[action='/inspections/1/findings'] button[type=submit]")]);
  }],
  ["change a finding", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/findings`);
    await Promise.all([p.waitForNavigation(), p.click(".finding .action-row a >> nth=0")]);
  }],
  ["remove a finding?", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/findings`);
    await Promise.all([p.waitForNavigation(), p.click(".finding .action-row a[href$='/delete'] >> nth=0")]);
  }],
  ["outcome", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/outcome`)],
  ["outcome with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/outcome`);
    await p.fill("#rationale", "");
    await Promise.all([p.waitForNavigation(), p.click("form[action='/inspections/1/outcome'] button[type=submit]")]);
  }],
  ["report", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/report`)],
  ["write a report section", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/report/sections/experience`)],
  ["write a report section with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/report/sections/better`);
    await p.fill("#text", "Cites nothing real [[document:9999]].");
    await Promise.all([p.waitForNavigation(), p.click("form[action$='/sections/better'] button[type=submit]")]);
  }],
  ["partnership details and team", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/report/particulars`)],
  ["partnership details with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/report/particulars`);
    await p.fill("#partnership_name", "");
    await Promise.all([p.waitForNavigation(), p.click("form[action$='/particulars'] button[type=submit]")]);
  }],
  ["easy-read summary", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/report/easy-read`)],
  ["easy-read summary with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/report/easy-read`);
    await p.fill("#point_1_text", "This point is written in far too many words for anyone who finds reading hard to follow it.");
    await Promise.all([p.waitForNavigation(), p.click("form[action$='/easy-read'] button[type=submit]")]);
  }],
  ["report preview", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/report/preview`)],
  ["draft version", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/report/versions/2`)],
  ["draft easy-read summary", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/report/versions/2/easy-read`)],
  ["draft report as downloaded HTML", DEMO.lead, async (p) => {
    // The download is an attachment: read it and show it as a page of its own, as a
    // file opened from disk (about:blank first, so the service's CSP, which forbids the
    // file's inline stylesheet, does not carry over).
    const res = await p.request.get(`${BASE}/inspections/1/report/versions/2/report.html`);
    await p.goto("about:blank");
    await p.setContent(await res.text());
  }],
  ["easy-read summary as downloaded HTML", DEMO.lead, async (p) => {
    const res = await p.request.get(`${BASE}/inspections/1/report/versions/2/easy-read.html`);
    await p.goto("about:blank");
    await p.setContent(await res.text());
  }],
  ["compare two versions", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/report/compare?from=1&to=2`)],
  ["compare two versions, every paragraph", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/report/compare?from=1&to=2&all=yes`)],
  ["drafts refused to a reviewer", DEMO.council, async (p) => p.goto(`${BASE}/inspections/1/report/versions/1`)],
  // Fenmoor: a finished outcome 3 inspection (2) and its monitoring inspection (3).
  ["a finished inspection's final report", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/2/report/versions/1`)],
  ["a finished inspection's check page", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/2/review`)],
  ["monitoring inspection overview", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/3`)],
  ["monitoring report, nothing judged yet", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/3/report`)],
  ["progress against the areas for priority action", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/3/progress`)],
  ["progress with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/3/progress`);
    await Promise.all([p.waitForNavigation(), p.click("form[action*='/progress/'] button[type=submit]")]);
  }],
  // Setting a password from an emailed link.
  ["a password link that does not work", null, async (p) => p.goto(`${BASE}/account/set-password/${"A".repeat(32)}`)],
  ["sign in, password set notice", null, async (p) => p.goto(`${BASE}/sign-in?password_set=1`)],
  // Distributing the surveys, each with its error state where it has a form.
  ["distributing the surveys", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/distribution`)],
  ["distributing the surveys, setting added", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/distribution?added=1`)],
  ["add a setting with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/distribution`);
    await Promise.all([p.waitForNavigation(), p.click("form[action$='/distribution/settings'] button[type=submit]")]);
  }],
  ["survey opening and closing times", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/distribution`);
    await Promise.all([p.waitForNavigation(), p.click("a[href$='/times'] >> nth=1")]);
  }],
  ["survey times with errors", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/distribution`);
    await Promise.all([p.waitForNavigation(), p.click("a[href$='/times'] >> nth=1")]);
    await p.fill("#closes_time", "25:00");
    await Promise.all([p.waitForNavigation(), p.click("form[action$='/times'] button[type=submit]")]);
  }],
  ["poster for a survey's open link", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/distribution`);
    await Promise.all([p.waitForNavigation(), p.click("a[href$='/poster'] >> nth=0")]);
  }],
  ["poster for a setting's open link", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/distribution`);
    await Promise.all([p.waitForNavigation(), p.click("a[href*='/links/'] >> nth=0")]);
  }],
  ["poster as printed (A4)", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/distribution`);
    await Promise.all([p.waitForNavigation(), p.click("a[href*='/links/'] >> nth=0")]);
    await p.emulateMedia({ media: "print" });
  }],
  ["invite by email", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/distribution/invitees`)],
  ["invite by email with no file", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/distribution/invitees`);
    await Promise.all([p.waitForNavigation(), p.click("form[action$='/invitees'] button[type=submit]")]);
  }],
  ["invite by email, problems by line", DEMO.lead, async (p) => {
    await p.goto(`${BASE}/inspections/1/distribution/invitees`);
    await p.setInputFiles("#file", { name: "invitees.csv", mimeType: "text/csv", buffer: Buffer.from("email,audience\nnot an email,parents\nkid@example.org,children\n") });
    await Promise.all([p.waitForNavigation(), p.click("form[action$='/invitees'] button[type=submit]")]);
  }],
  ["response tracking", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/distribution/tracking`)],
  ["emails", DEMO.lead, async (p) => p.goto(`${BASE}/inspections/1/distribution/emails`)],
  ["emails, retry refused", DEMO.lead, async (p) => {
    // Nothing has failed in the demo, so "send again" is refused with a message.
    await p.goto(`${BASE}/inspections/1/distribution/emails`);
    const token = await p.$eval("input[name=csrf_token]", (i) => i.value).catch(() => null);
    if (token) {
      await p.evaluate((t) => {
        const f = document.createElement("form");
        f.method = "post";
        f.action = location.pathname + "/retry";
        for (const [k, v] of [["csrf_token", t], ["email", "all"]]) {
          const i = document.createElement("input");
          i.type = "hidden"; i.name = k; i.value = v; f.appendChild(i);
        }
        document.body.appendChild(f);
        f.submit();
      }, token);
      await p.waitForNavigation();
    }
  }],
  ["distribution refused to a reviewer", DEMO.council, async (p) => p.goto(`${BASE}/inspections/1/distribution`)],
];

for (const [label, who, open] of PAGES) {
  const page = await newPage();
  if (who) await signIn(page, who);
  await open(page);
  await audit(page, label);
  await page.context().close();
}

// Is focus visible on the element that has it? Compare its look with and without focus.
async function focusIsVisible(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { ok: false, what: "nothing focused" };
    const props = ["outlineStyle", "outlineColor", "outlineWidth", "boxShadow", "backgroundColor", "color", "borderColor", "textDecorationLine"];
    const read = () => { const s = getComputedStyle(el); return props.map((p) => s[p]).join("|"); };
    const focused = read();
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*, 0\)|transparent/.test(s.outlineColor);
    el.blur();
    const blurred = read();
    el.focus();
    const what = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${(el.textContent || el.value || "").trim().slice(0, 40)}"`;
    return { ok: outline || focused !== blurred, what };
  });
}

// Tab through a whole page: the first stop is the skip link, and every stop shows focus.
async function tabThrough(page, label) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement?.textContent.trim());
  check(`keyboard ${label}: first stop is the skip link`, first === "Skip to main content", `first stop was "${first}"`);
  const seen = new Set();
  for (let i = 0; i < 80; i++) {
    const focus = await focusIsVisible(page);
    // Past the last stop focus leaves the page: the cycle is done.
    if (focus.what === "nothing focused" && i > 0) break;
    if (seen.has(focus.what)) break;
    seen.add(focus.what);
    check(`keyboard ${label}: focus visible on ${focus.what}`, focus.ok);
    await page.keyboard.press("Tab");
  }
}

async function keyboardOnly(width) {
  const page = await newPage(width);
  const tag = `at ${width}px`;
  await page.goto(`${BASE}/sign-in`);
  await tabThrough(page, `sign in ${tag}`);
  // Sign in with the keyboard alone.
  await page.goto(`${BASE}/sign-in`);
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  check(`keyboard ${tag}: skip link moves focus into the main content`, await page.evaluate(() => document.activeElement.id === "email"));
  await page.keyboard.type(DEMO.lead[0]);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO.lead[1]);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  check(`keyboard ${tag}: signed in`, page.url().endsWith("/inspections"), page.url());
  await tabThrough(page, `inspections list ${tag}`);

  // Set up an inspection by keyboard: selects, radios, date fields, checkboxes, button.
  await page.goto(`${BASE}/inspections/new`);
  await tabThrough(page, `set up an inspection ${tag}`);
  await page.focus("#partnership_id");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab"); // kind radios: "Full" is already chosen
  await page.keyboard.press("Tab");
  // Three dates as day, month and year boxes, then past the optional fourth.
  for (const date of [["1", "3", "2027"], ["15", "3", "2027"], ["19", "3", "2027"], ["", "", ""]]) {
    for (const part of date) {
      if (part) await page.keyboard.type(part);
      await page.keyboard.press("Tab");
    }
  }
  await page.keyboard.type("Robin"); // choose the lead by typing, as a keyboard user would
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space"); // tick the first other inspector
  // Reach the submit button by Tab, and press it with Enter.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    const isSubmit = await page.evaluate(() => document.activeElement.matches("form[action='/inspections'] button[type=submit]"));
    if (isSubmit) break;
  }
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  const created = /\/inspections\/\d+$/.test(page.url());
  const summary = created ? "" : await page.evaluate(() => (document.querySelector(".error-summary") || document.body).innerText.slice(0, 300));
  check(`keyboard ${tag}: inspection set up with the keyboard alone`, created, `${page.url()} ${summary}`);
  if (created) {
    await tabThrough(page, `new inspection overview ${tag}`);
    // Move it on with the keyboard: from the top, Tab to the lifecycle button and press Space.
    await page.goto(page.url());
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate(() => document.activeElement?.textContent.trim() === "Open the surveys");
    }
    check(`keyboard ${tag}: lifecycle button reachable by Tab`, found);
    if (found) await Promise.all([page.waitForNavigation(), page.keyboard.press("Space")]);
    const stage = await page.evaluate(() => document.querySelector(".panel-status h2").textContent.trim());
    check(`keyboard ${tag}: surveys opened with Space`, stage === "Stage: Surveys open", stage);
  }
  // The evidence pages by keyboard: every stop shows focus, tables scroll in focusable regions.
  for (const [what, path] of [
    ["evidence matrix", "/inspections/1/matrix"],
    ["survey results", "/inspections/1/results"],
    ["free-text answers", "/inspections/1/free-text"],
    ["statutory duties", "/inspections/1/duties"],
    ["findings", "/inspections/1/findings"],
    ["outcome", "/inspections/1/outcome"],
    ["report", "/inspections/1/report"],
    ["draft version", "/inspections/1/report/versions/2"],
    ["compare two versions", "/inspections/1/report/compare?from=1&to=2"],
    ["distributing the surveys", "/inspections/1/distribution"],
    ["response tracking", "/inspections/1/distribution/tracking"],
    ["invite by email", "/inspections/1/distribution/invitees"],
  ]) {
    await page.goto(`${BASE}${path}`);
    await tabThrough(page, `${what} ${tag}`);
  }
  await page.context().close();
}

await keyboardOnly(1280);
await keyboardOnly(320);

// ---- Surveys: every page of every form, in each presentation mode and language ----

// The demo inspection's survey links, read from the inspectors' view.
async function surveyLinks() {
  const page = await newPage();
  await signIn(page, DEMO.lead);
  await page.goto(`${BASE}/inspections/1/surveys`);
  const links = await page.evaluate(() =>
    [...document.querySelectorAll("section")].map((s) => ({
      title: s.querySelector("h2").textContent.trim(),
      open: s.querySelectorAll("dd a")[0].getAttribute("href"),
      kiosk: s.querySelectorAll("dd a")[1].getAttribute("href"),
    })),
  );
  await page.context().close();
  return links.map((l) => ({ ...l, open: new URL(l.open).pathname, kiosk: new URL(l.kiosk).pathname }));
}

const MODES = {
  plain: [],
  "easy read, symbols, read aloud": ["easy_read", "symbols", "read_aloud"],
  "larger text": ["larger_text"],
  "high contrast": ["high_contrast", "easy_read", "symbols"],
};

// Start a response in a language and mode; returns the page at the first question.
async function startSurvey(page, link, lang, mode, label) {
  await page.goto(`${BASE}${link}?lang=${lang}`);
  await audit(page, `${label}: start page`);
  await Promise.all([page.waitForNavigation(), page.click("form[action$='/start'] button")]);
  for (const name of mode) {
    const box = await page.$(`#${name}`);
    if (box) await box.check();
  }
  const radio = await page.$(`#lang-${lang}`);
  if (radio) await radio.check();
  await audit(page, `${label}: how would you like to answer`);
  await Promise.all([page.waitForNavigation(), page.click("form[action$='/how'] button[type=submit]")]);
}

// Answer every page with its first answers (auditing each), up to check your answers.
async function walkSurvey(page, label, { withErrors = false } = {}) {
  for (let i = 0; i < 40 && !page.url().endsWith("/check"); i++) {
    await audit(page, `${label}: ${new URL(page.url()).pathname.split("/").slice(-2).join("/")}`);
    if (withErrors && i === 0) {
      // A tampered answer shows the error summary: audit that state too.
      await page.evaluate(() => {
        const input = document.querySelector("form .question input[type=radio], form .question input[type=checkbox]");
        if (input) { input.value = "not_an_answer"; input.checked = true; }
      });
      await Promise.all([page.waitForNavigation(), page.click("form button[type=submit]")]);
      await audit(page, `${label}: page with an error`);
    }
    await page.evaluate(() => {
      for (const q of document.querySelectorAll("form .question")) {
        const choice = q.querySelector("input[type=radio], input[type=checkbox]");
        if (choice) { choice.checked = true; continue; }
        const text = q.querySelector("textarea");
        if (text) text.value = "More help at school.";
        const number = q.querySelector("input[inputmode=numeric]");
        if (number) number.value = "3";
      }
    });
    await Promise.all([page.waitForNavigation(), page.click("form button[type=submit]")]);
  }
  await audit(page, `${label}: check your answers`);
  await Promise.all([page.waitForNavigation(), page.click("form[action$='/submit'] button")]);
}

const surveys = await surveyLinks();
check("three surveys are open in the demo", surveys.length === 3, JSON.stringify(surveys));
for (const survey of surveys) {
  const children = /help you get/.test(survey.title);
  const languages = children ? ["en", "ur"] : ["en"];
  for (const lang of languages) {
    for (const [modeName, mode] of Object.entries(MODES)) {
      const label = `${survey.title} [${lang}, ${modeName}]`;
      const page = await newPage();
      await startSurvey(page, survey.open, lang, mode, label);
      const dir = await page.evaluate(() => document.documentElement.dir);
      check(`${label}: lang and dir`, (await page.evaluate(() => document.documentElement.lang)) === lang && dir === (lang === "ur" ? "rtl" : "ltr"), dir);
      if (mode.includes("read_aloud")) {
        // The button shows only where the browser has a voice for the page's language.
        await page.waitForTimeout(300); // voices can arrive just after load
        const state = await page.evaluate(() => {
          const button = document.querySelector(".read-aloud");
          const lang = document.documentElement.lang.toLowerCase();
          const voices = "speechSynthesis" in window ? speechSynthesis.getVoices() : [];
          return {
            present: !!button,
            shown: !!button && getComputedStyle(button).display !== "none",
            voice: voices.some((v) => (v.lang || "").toLowerCase().startsWith(lang)),
          };
        });
        check(`${label}: read-aloud shown only with a voice`, state.present && state.shown === state.voice, JSON.stringify(state));
      }
      // Larger text grows the question itself, not just the body copy.
      const heading = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main h1")).fontSize));
      const wanted = mode.includes("larger_text") ? 50 : 40; // 2.5rem at 1280px, a quarter more when larger
      check(`${label}: question heading size`, Math.abs(heading - wanted) < 0.5, `${heading}px, wanted ${wanted}px`);
      await walkSurvey(page, label, { withErrors: modeName === "plain" });
      await audit(page, `${label}: confirmation`);
      await page.context().close();
    }
  }
  // Resume, kiosk and the kiosk's clean start after sending.
  const page = await newPage();
  for (const lang of children ? ["en", "ur"] : ["en"]) {
    // An error inside a survey stays in the survey's layout and language.
    await page.goto(`${BASE}${survey.open}/no-such-page?lang=${lang}`);
    check(`${survey.title} [${lang}]: error page in the survey's language`, (await page.evaluate(() => document.documentElement.lang)) === lang && !!(await page.$(".help-signpost")));
    await audit(page, `${survey.title} [${lang}]: page not found inside the survey`);
  }
  await page.goto(`${BASE}${survey.open}/resume`);
  await audit(page, `${survey.title}: continue with a code`);
  await page.fill("#code", "AAAA-AAAA");
  await Promise.all([page.waitForNavigation(), page.click("form button[type=submit]")]);
  await audit(page, `${survey.title}: continue with a wrong code`);
  await startSurvey(page, survey.kiosk, "en", [], `${survey.title} [kiosk]`);
  await page.goto(`${BASE}${survey.kiosk}/check`);
  await Promise.all([page.waitForNavigation(), page.click("form[action$='/submit'] button")]);
  check(`${survey.title}: kiosk returns to a clean start`, page.url().endsWith("?sent=1"), page.url());
  await audit(page, `${survey.title}: kiosk start after sending`);
  await page.context().close();
}

// Complete a survey with the keyboard alone: Tab to each answer, Space to choose,
// type into text boxes, Enter on Continue, Start and Send.
async function keyboardSurvey(link, width, title) {
  const tag = `${title} by keyboard at ${width}px`;
  const page = await newPage(width);
  await page.goto(`${BASE}${link}`);
  async function tabTo(test, limit = 60) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      const el = await page.evaluate(() => {
        const a = document.activeElement;
        return a ? { tag: a.tagName.toLowerCase(), type: a.type || "", name: a.name || "", text: (a.textContent || "").trim() } : null;
      });
      if (el && test(el)) return el;
    }
    return null;
  }
  const start = await tabTo((el) => el.tag === "button");
  check(`${tag}: Start reachable`, !!start);
  if (!start) return page.context().close();
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  await tabTo((el) => el.tag === "button" && el.type === "submit");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  let pages = 0;
  for (; pages < 40 && !page.url().endsWith("/check"); pages++) {
    const done = new Set();
    let pressed = false;
    for (let i = 0; i < 80 && !pressed; i++) {
      await page.keyboard.press("Tab");
      const el = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a) return null;
        return { tag: a.tagName.toLowerCase(), type: a.type || "", name: a.name || "", inForm: !!a.closest("form") };
      });
      if (!el || !el.inForm) continue;
      if ((el.type === "radio" || el.type === "checkbox") && !done.has(el.name)) {
        await page.keyboard.press("Space");
        done.add(el.name);
      } else if ((el.tag === "textarea" || el.type === "text") && !done.has(el.name)) {
        await page.keyboard.type(el.tag === "textarea" ? "Typed with the keyboard." : "4");
        done.add(el.name);
      } else if (el.tag === "button" && el.type === "submit") {
        await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
        pressed = true;
      }
    }
    if (!pressed) break;
  }
  check(`${tag}: reached check your answers`, page.url().endsWith("/check"), `${page.url()} after ${pages} pages`);
  const send = await tabTo((el) => el.tag === "button" && el.type === "submit", 200);
  check(`${tag}: Send reachable`, !!send);
  if (send) await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  check(`${tag}: sent`, page.url().endsWith("/done"), page.url());
  await page.context().close();
}

for (const survey of surveys) {
  for (const width of [320, 1280]) {
    await keyboardSurvey(survey.open, width, survey.title);
  }
}

// A question page: skip link first and focus visible on every stop.
{
  const page = await newPage();
  await startSurvey(page, surveys[0].open, "en", ["easy_read", "symbols"], "focus check");
  await tabThrough(page, "children's question page");
  await page.context().close();
}

// ---- A personal invitation, followed from the demo's email as its invitee would ----

// The links in the demo's invitation emails (quoted-printable soft breaks undone).
function invitationLinks() {
  const dir = process.env.AREA_SEND_OUTBOX;
  if (!dir) return [];
  const links = new Set();
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".eml"))) {
    const text = readFileSync(join(dir, name), "utf8").replace(/=\r?\n/g, "");
    for (const m of text.matchAll(/\/s\/invite\/([A-Za-z0-9]{26})(?!\/opt-out)/g)) links.add(`/s/invite/${m[1]}`);
  }
  return [...links];
}
{
  let links = invitationLinks();
  for (let i = 0; i < 40 && links.length < 2; i++) {
    await new Promise((r) => setTimeout(r, 500));
    links = invitationLinks();
  }
  check("the demo's invitations were written to its outbox folder", links.length >= 2, `${links.length} links`);
  if (links.length >= 2) {
    const page = await newPage();
    await page.goto(`${BASE}${links[0]}`);
    await audit(page, "invitation: opened from the email");
    await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
    const address = new URL(page.url()).pathname.replace(/\/how$/, "");
    await audit(page, "invitation: how would you like to answer");
    await Promise.all([page.waitForNavigation(), page.click("form[action$='/how'] button[type=submit]")]);
    await walkSurvey(page, "invitation");
    await page.goto(`${BASE}${links[0]}`);
    await audit(page, "invitation: already answered");
    const stranger = await newPage();
    await stranger.goto(`${BASE}${address}`);
    await audit(stranger, "invitation address without a link");
    await stranger.goto(`${BASE}${links[1]}/opt-out`);
    await audit(stranger, "stop emails");
    await tabThrough(stranger, "stop emails");
    await stranger.goto(`${BASE}${links[1]}/opt-out`);
    await Promise.all([stranger.waitForNavigation(), stranger.click("form button[type=submit]")]);
    await audit(stranger, "emails stopped");
    await page.context().close();
    await stranger.context().close();
  }
}

// ---- A survey scheduled to open later, then opened again ----
{
  const page = await newPage();
  await signIn(page, DEMO.lead);
  await page.goto(`${BASE}/inspections/1/distribution`);
  const times = await page.$$eval("a[href$='/times']", (as) => as.map((a) => a.getAttribute("href")));
  const last = times[times.length - 1];
  await page.goto(`${BASE}${last}`);
  const later = new Date(Date.now() + 3 * 86400000);
  await page.fill("#opens_day", String(later.getUTCDate()));
  await page.fill("#opens_month", String(later.getUTCMonth() + 1));
  await page.fill("#opens_year", String(later.getUTCFullYear()));
  await page.fill("#opens_time", "09:00");
  await Promise.all([page.waitForNavigation(), page.click("form[action$='/times'] button[type=submit]")]);
  check("a survey can be scheduled to open later", page.url().includes("/distribution"), page.url());
  const visitor = await newPage();
  await visitor.goto(`${BASE}${surveys[surveys.length - 1].open}`);
  const heading = await visitor.$eval("main h1", (h) => h.textContent.trim());
  check("a scheduled survey's link says it has not opened", heading === "This survey has not opened yet", heading);
  await audit(visitor, "a survey not open yet");
  await page.goto(`${BASE}${last}`);
  for (const f of ["#opens_day", "#opens_month", "#opens_year", "#opens_time"]) await page.fill(f, "");
  await Promise.all([page.waitForNavigation(), page.click("form[action$='/times'] button[type=submit]")]);
  await page.context().close();
  await visitor.context().close();
}

// ---- A monitoring inspection: progress against each area for priority action, then a draft ----
{
  const lead = await newPage();
  await signIn(lead, DEMO.lead);
  await lead.goto(`${BASE}/inspections/3/progress`);
  await tabThrough(lead, "progress against the areas for priority action");
  const forms = await lead.$$eval("form[action*='/progress/']", (fs) => fs.map((f) => f.getAttribute("action")));
  for (const [i, action] of forms.entries()) {
    await lead.check(`form[action='${action}'] input[name=judgement] >> nth=${i % 2}`);
    await lead.fill(`form[action='${action}'] textarea[name=finding]`, `What inspectors found about action ${i + 1}.`);
    await Promise.all([lead.waitForNavigation(), lead.click(`form[action='${action}'] button[type=submit]`)]);
  }
  check("progress is recorded against every area for priority action", (await lead.textContent("main")).includes(`against ${forms.length} of ${forms.length}`));
  await audit(lead, "progress recorded");
  await lead.goto(`${BASE}/inspections/3/report`);
  await audit(lead, "monitoring report, ready to draft");
  await Promise.all([lead.waitForNavigation(), lead.click("form[action$='/report/drafts'] button[type=submit]")]);
  check("a monitoring report is drafted", (await lead.textContent("main")).includes("Progress against the areas for priority action"));
  await audit(lead, "monitoring report draft");
  await lead.context().close();
}

// ---- The partnership's factual accuracy check, last: it moves the demo inspection on ----
{
  const lead = await newPage();
  await signIn(lead, DEMO.lead);
  await lead.goto(`${BASE}/inspections/1/review`);
  await audit(lead, "factual accuracy check, before a draft");
  for (const to of ["evidence", "judging", "draft"]) {
    await lead.goto(`${BASE}/inspections/1`);
    await Promise.all([lead.waitForNavigation(), lead.click(`form:has(input[name=to][value=${to}]) button`)]);
  }
  await lead.goto(`${BASE}/inspections/1`);
  await audit(lead, "inspection overview, next step the check");
  await lead.goto(`${BASE}/inspections/1/review`);
  await audit(lead, "send a draft for checking");
  await tabThrough(lead, "send a draft for checking");
  // A reviewer without an account is invited, and sets a password from the email.
  await Promise.all([lead.waitForNavigation(), lead.click("form[action$='/review/reviewers'] button[type=submit]")]);
  await audit(lead, "invite a reviewer, with errors");
  const newcomer = ["new.reviewer@demo.area-send.test", "a newcomer's own password"];
  await lead.fill("#reviewer_name", "Sam Newcomer (demo)");
  await lead.fill("#reviewer_email", newcomer[0]);
  await lead.check("#reviewer_organisation");
  await Promise.all([lead.waitForNavigation(), lead.click("form[action$='/review/reviewers'] button[type=submit]")]);
  check("an invited reviewer joins the reviewers", (await lead.textContent("main")).includes("Sam Newcomer"));
  let setLink = null;
  for (let i = 0; i < 120 && !setLink; i++) {
    for (const name of readdirSync(process.env.AREA_SEND_OUTBOX || ".").filter((n) => n.endsWith(".eml"))) {
      const text = readFileSync(join(process.env.AREA_SEND_OUTBOX, name), "utf8").replace(/=\r?\n/g, "");
      const m = text.match(/\/account\/set-password\/([A-Za-z0-9]{32})/);
      if (m) setLink = m[0];
    }
    if (!setLink) await new Promise((r) => setTimeout(r, 500));
  }
  check("the invited reviewer's email holds a link to set a password", !!setLink);
  if (setLink) {
    const invited = await newPage();
    await invited.goto(`${BASE}${setLink}`);
    await audit(invited, "choose your password");
    await tabThrough(invited, "choose your password");
    await invited.fill("#password", newcomer[1]);
    await invited.fill("#confirm", "something else entirely");
    await Promise.all([invited.waitForNavigation(), invited.click("main button[type=submit]")]);
    await audit(invited, "choose your password, with errors");
    await invited.fill("#password", newcomer[1]);
    await invited.fill("#confirm", newcomer[1]);
    await Promise.all([invited.waitForNavigation(), invited.click("main button[type=submit]")]);
    check("setting the password leads to sign in", invited.url().includes("/sign-in?password_set"), invited.url());
    await invited.goto(`${BASE}${setLink}`);
    check("the link works once", (await invited.textContent("main")).includes("does not work"));
    await invited.context().close();
  }
  await lead.goto(`${BASE}/inspections/1/review`);
  await lead.fill("#working_days", "0");
  await Promise.all([lead.waitForNavigation(), lead.click("form[action$='/review/send'] button[type=submit]")]);
  await audit(lead, "send a draft, with errors");
  await lead.fill("#working_days", "5");
  await Promise.all([lead.waitForNavigation(), lead.click("form[action$='/review/send'] button[type=submit]")]);
  check("a draft is sent to the partnership", (await lead.textContent("main")).includes("with the partnership"));
  await audit(lead, "the check, no comments yet");

  const council = await newPage();
  await signIn(council, DEMO.council);
  await council.goto(`${BASE}/inspections/1`);
  await audit(council, "inspection overview, reviewer during the check");
  await council.goto(`${BASE}/inspections/1/review`);
  await audit(council, "reviewer: check the draft");
  await tabThrough(council, "reviewer: check the draft");
  await Promise.all([council.waitForNavigation(), council.click("form[action$='/review/comments'] button[type=submit]")]);
  await audit(council, "reviewer: comment with errors");
  const paragraph = await council.$eval("#paragraph option:nth-child(2)", (o) => o.value);
  await council.selectOption("#paragraph", paragraph);
  await council.check("#kind");
  await council.fill("#comment", "The figure for new plans on time is from the wrong year.");
  await council.fill("#correction", "Use the 2025 figure.");
  await council.setInputFiles("#document", { name: "figures.txt", mimeType: "text/plain", buffer: Buffer.from("New plans on time, 2025: 61%\n") });
  await Promise.all([council.waitForNavigation(), council.click("form[action$='/review/comments'] button[type=submit]")]);
  await audit(council, "reviewer: a comment saved");
  await Promise.all([council.waitForNavigation(), council.click("form[action$='/review/submit'] button[type=submit]")]);
  await audit(council, "reviewer: comments sent");
  const icb = await newPage();
  await signIn(icb, DEMO.icb);
  await icb.goto(`${BASE}/inspections/1/review`);
  await audit(icb, "ICB reviewer: check the draft");
  await Promise.all([icb.waitForNavigation(), icb.click("form[action$='/review/submit'] button[type=submit]")]);
  await icb.context().close();
  // The invited reviewer signs in with the password they chose and sends too.
  const newcomerPage = await newPage();
  await signIn(newcomerPage, newcomer);
  await newcomerPage.goto(`${BASE}/inspections/1/review`);
  check("the invited reviewer can sign in and check the draft", (await newcomerPage.textContent("main")).includes("Check the draft"));
  await Promise.all([newcomerPage.waitForNavigation(), newcomerPage.click("form[action$='/review/submit'] button[type=submit]")]);
  await newcomerPage.context().close();

  await lead.goto(`${BASE}/inspections/1/review`);
  await audit(lead, "the check with a comment to answer");
  await tabThrough(lead, "the check with a comment to answer");
  await Promise.all([lead.waitForNavigation(), lead.click("form[action$='/answer'] button[type=submit]")]);
  await audit(lead, "answer with errors");
  await lead.check("form[action$='/answer'] input[value=not_accepted]");
  await lead.fill("form[action$='/answer'] textarea", "The report gives the latest published figure.");
  await Promise.all([lead.waitForNavigation(), lead.click("form[action$='/answer'] button[type=submit]")]);
  await Promise.all([lead.waitForNavigation(), lead.click("form[action$='/review/publish'] button[type=submit]")]);
  await Promise.all([lead.waitForNavigation(), lead.click("form[action$='/review/finalise'] button[type=submit]")]);
  await audit(lead, "finalise with errors");
  const now = new Date();
  await lead.fill("#published_day", String(now.getUTCDate()));
  await lead.fill("#published_month", String(now.getUTCMonth() + 1));
  await lead.fill("#published_year", String(now.getUTCFullYear() + 1));
  await Promise.all([lead.waitForNavigation(), lead.click("form[action$='/review/finalise'] button[type=submit]")]);
  await audit(lead, "the check after finalising");
  await lead.goto(`${BASE}/inspections/1`);
  const stage = await lead.$eval(".panel-status h2", (h) => h.textContent.trim());
  // Every reviewer has sent their comments, so the report can be final before the deadline.
  check("the report is final after the check", stage === "Stage: Final", stage);
  await audit(lead, "inspection overview, final");
  await council.goto(`${BASE}/inspections/1/review`);
  await audit(council, "reviewer: the final report and the answers");
  await lead.context().close();
  await council.context().close();
}

await browser.close();

if (failures.length) {
  console.log(`\n${failures.length} browser check(s) failed.`);
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
