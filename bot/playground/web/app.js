// Spotter playground: a Discord-like client over the playground's API.
// It polls the API about once a second and redraws what changed.
"use strict";

const $ = sel => document.querySelector(sel);
const el = (tag, cls, html) => { const e = document.createElement(tag); if (cls) e.className = cls; if (html !== undefined) e.innerHTML = html; return e; };

const state = {
  user: null,        // who the page acts as
  channel: null,     // the channel shown
  info: null,        // /api/state
  clockSkew: 0,      // playground time minus this browser's time, in ms
  messages: [],
  lastMessages: "",  // JSON of the last drawn messages, to redraw only on change
  command: null,     // the slash command being filled in
  values: {},        // its option values by name; labels for autocomplete picks in labels
  labels: {},
  openSelect: null,  // {msg, customID, multi, values: Set} while a select menu is open
  modal: null,       // custom_id of the modal on screen
  dismissed: new Set(),
  seen: {},          // messages seen per user and channel, for unread badges
  showPins: false,
};

let autocompleteTimer = null; // the pending autocomplete request

const avatarColors = {bot: "#5865f2", member: "#3ba55c", moderator: "#ed4245", coach: "#faa61a"};

function playgroundNow() { return Date.now() + state.clockSkew; }

async function api(path, body) {
  const init = body === undefined ? {} : {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)};
  const res = await fetch(path, init);
  const data = await res.json().catch(() => ({error: res.status + " " + res.statusText}));
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}

function showError(msg) {
  $("#composer-error").textContent = msg || "";
}

// names is what mentions resolve against.
function names() {
  const info = state.info, out = {users: {}, channels: {}, roles: {}};
  if (!info) return out;
  out.users[info.bot.id] = info.bot.name;
  for (const p of info.people) out.users[p.id] = p.name;
  for (const c of info.guild.channels) out.channels[c.id] = c.name;
  for (const r of info.guild.roles) out.roles[r.id] = r.name;
  return out;
}

function inDM() { return state.info && state.channel === state.info.dm.id; }

// ---- State, sidebar and clock ----

async function refreshState() {
  const info = await api("/api/state?user=" + state.user);
  state.info = info;
  state.clockSkew = Date.parse(info.clock) - Date.now();
  if (!state.channel) state.channel = info.guild.channels[0].id;
  renderSidebar();
  if (info.modal && !state.modal) openModal(info.modal);
}

function renderSidebar() {
  const info = state.info;
  $("#guild-name").textContent = info.guild.name;
  const who = $("#who");
  if (!who.options.length) {
    for (const p of info.people) who.add(new Option(p.name + " (" + p.kind + ")", p.id));
  }
  who.value = state.user;
  const item = (c, label, isDM) => {
    const li = el("li", c.id === state.channel ? "active" : "");
    li.dataset.channel = c.id;
    li.append(el("span", "", isDM ? "@" : "#"), el("span", "", escapeHTML(label)));
    const key = state.user + "/" + c.id;
    if (c.id === state.channel) state.seen[key] = c.messages;
    const unread = c.messages - (state.seen[key] || 0);
    if (unread > 0) li.append(el("span", "badge", String(unread)));
    return li;
  };
  $("#channels").replaceChildren(...info.guild.channels.map(c => item(c, c.name, false)));
  $("#dms").replaceChildren(item(info.dm, info.bot.name, true));
  const now = new Date(playgroundNow());
  $("#clock-now").textContent = now.toLocaleString([], {weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"}) +
    (info.ahead ? " · " + info.ahead + " ahead" : "");
  const title = inDM() ? "@ " + info.bot.name : "# " + (info.guild.channels.find(c => c.id === state.channel) || {}).name;
  $("#channel-title").textContent = title;
  $("#channel-topic").textContent = inDM() ? "Your direct messages with the bot" : "Type / for Spotter's commands";
  $("#input").placeholder = "Message " + (inDM() ? "@" + info.bot.name : title.replace(" ", ""));
}

function selectChannel(id) {
  state.channel = id;
  state.lastMessages = "";
  state.openSelect = null;
  state.showPins = false;
  cancelCommand();
  renderSidebar();
  refreshMessages();
}

async function advanceClock(by) {
  try {
    const r = await api("/api/clock", {advance: by});
    state.clockSkew = Date.parse(r.clock) - Date.now();
    state.info.ahead = r.ahead;
    renderSidebar();
  } catch (e) { showError(e.message); }
}

// ---- Messages ----

async function refreshMessages() {
  const channel = state.channel;
  const r = await api("/api/messages?user=" + state.user + "&channel=" + channel);
  if (channel !== state.channel) return;
  const json = JSON.stringify(r.messages);
  if (json === state.lastMessages) return;
  state.messages = r.messages;
  if (state.openSelect) return; // redraw once the menu closes
  state.lastMessages = json;
  renderMessages();
}

function renderMessages() {
  const box = $("#messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  const nm = names();
  const shown = state.messages.filter(m => !state.dismissed.has(m.id));
  box.replaceChildren(...shown.map(m => renderMessage(m, nm)));
  if (!shown.length) box.append(el("div", "empty", inDM() ? "This is the beginning of your direct messages with Spotter." : "No messages yet. Type / to use a command."));
  if (atBottom || state.scrollDown) {
    box.scrollTop = box.scrollHeight;
    state.scrollDown = false;
    // Images grow the list as they load: stay at the bottom.
    for (const img of box.querySelectorAll("img")) img.addEventListener("load", () => { box.scrollTop = box.scrollHeight; });
  }
  renderPins(nm);
}

function when(m) {
  const d = new Date(m.shown_at || m.timestamp);
  const today = new Date(playgroundNow());
  const time = d.toLocaleTimeString([], {hour: "2-digit", minute: "2-digit"});
  const yesterday = new Date(today.getTime() - 86400000);
  if (d.toDateString() === today.toDateString()) return "Today at " + time;
  if (d.toDateString() === yesterday.toDateString()) return "Yesterday at " + time;
  return d.toLocaleDateString() + " " + time;
}

function renderMessage(m, nm) {
  const a = m.author || {};
  const kind = a.bot ? "bot" : (a.kind || "member");
  const name = a.global_name || a.username || "someone";
  const div = el("div", "msg" + (m.ephemeral ? " ephemeral" : ""));
  div.dataset.id = m.id;
  const avatar = el("div", "avatar", escapeHTML(name[0].toUpperCase()));
  avatar.style.background = avatarColors[kind] || avatarColors.member;
  const body = el("div", "body");
  let html = "";
  if (m.used) html += '<div class="used">↱ <b>' + escapeHTML(m.used.user) + "</b> used <b>" + escapeHTML(m.used.command) + "</b></div>";
  html += '<div class="head"><span class="name">' + escapeHTML(name) + "</span>" +
    (a.bot ? '<span class="app-tag">APP</span>' : kind !== "member" ? '<span class="role-tag">' + kind + "</span>" : "") +
    '<span class="time">' + escapeHTML(when(m)) + "</span>" + (m.pinned ? '<span class="pin-mark" title="Pinned">📌</span>' : "") + "</div>";
  if (m.loading) html += '<div class="loading">' + escapeHTML(name) + " is thinking…</div>";
  if (m.content) html += '<div class="content">' + markdown(m.content, nm) + "</div>";
  body.innerHTML = html;
  const inEmbeds = new Set();
  for (const e of m.embeds || []) body.append(renderEmbed(e, m, nm, inEmbeds));
  for (const att of m.attachments || []) {
    if (inEmbeds.has(att.filename)) continue;
    const box = el("div", "attachment");
    const url = "/api/attachments/" + att.id;
    box.innerHTML = (att.content_type || "").startsWith("image/")
      ? '<img alt="' + escapeHTML(att.filename) + '" src="' + url + '">'
      : '<a class="file" href="' + url + '" download="' + escapeHTML(att.filename) + '">📄 ' + escapeHTML(att.filename) + "</a>";
    body.append(box);
  }
  for (const row of m.components || []) body.append(renderRow(row, m));
  if (m.ephemeral) {
    const note = el("div", "ephemeral-note", '👁 Only you can see this · <a data-dismiss="' + m.id + '">Dismiss message</a>');
    body.append(note);
  }
  div.append(avatar, body);
  return div;
}

function renderEmbed(e, m, nm, inEmbeds) {
  const box = el("div", "embed");
  if (e.color) box.style.borderLeftColor = "#" + e.color.toString(16).padStart(6, "0");
  let html = "";
  if (e.author && e.author.name) html += '<div class="embed-author">' + escapeHTML(e.author.name) + "</div>";
  if (e.title) html += '<div class="embed-title">' + (e.url ? '<a href="' + escapeHTML(e.url) + '" target="_blank" rel="noreferrer">' + inlineMarkdown(e.title, nm) + "</a>" : inlineMarkdown(e.title, nm)) + "</div>";
  if (e.description) html += '<div class="embed-desc">' + markdown(e.description, nm) + "</div>";
  if (e.fields && e.fields.length) {
    html += '<div class="embed-fields">' + e.fields.map(f =>
      '<div class="field' + (f.inline ? " inline" : "") + '"><div class="field-name">' + inlineMarkdown(f.name, nm) + "</div>" + markdown(f.value, nm) + "</div>").join("") + "</div>";
  }
  const image = e.image && e.image.url;
  if (image) {
    let src = image;
    if (image.startsWith("attachment://")) {
      const file = image.slice("attachment://".length);
      const att = (m.attachments || []).find(a => a.filename === file);
      inEmbeds.add(file);
      src = att ? "/api/attachments/" + att.id : "";
    }
    if (src.startsWith("/api/")) html += '<img alt="' + escapeHTML(e.title || "image") + '" src="' + src + '">';
  }
  if (e.footer && e.footer.text) html += '<div class="embed-footer">' + inlineMarkdown(e.footer.text, nm) + "</div>";
  box.innerHTML = html;
  return box;
}

function renderRow(row, m) {
  const div = el("div", "row");
  for (const c of row.components || []) {
    if (c.type === 2) {
      const b = el("button", "btn s" + (c.style || 2), escapeHTML(((c.emoji && c.emoji.name) ? c.emoji.name + " " : "") + (c.label || "")));
      b.type = "button";
      b.disabled = !!c.disabled;
      b.dataset.msg = m.id;
      if (c.style === 5) { b.dataset.url = c.url; b.title = c.url; b.innerHTML += " ↗"; } else b.dataset.click = c.custom_id;
      div.append(b);
    } else if (c.type === 3) {
      div.append(renderSelect(c, m));
    }
  }
  return div;
}

function renderSelect(c, m) {
  const open = state.openSelect && state.openSelect.msg === m.id && state.openSelect.customID === c.custom_id ? state.openSelect : null;
  const multi = (c.max_values || 1) > 1;
  const box = el("div", "select");
  box.dataset.msg = m.id;
  box.dataset.select = c.custom_id;
  const picked = open ? [...open.values] : (c.options || []).filter(o => o.default).map(o => o.value);
  const labels = (c.options || []).filter(o => picked.includes(o.value)).map(o => o.label);
  box.innerHTML = '<div class="select-box">' + (labels.length ? "<span>" + escapeHTML(labels.join(", ")) + "</span>" : '<span class="placeholder">' + escapeHTML(c.placeholder || "Make a selection") + "</span>") + "<span>" + (open ? "▴" : "▾") + "</span></div>";
  if (c.disabled) box.style.opacity = .5;
  if (open) {
    const menu = el("div", "select-menu");
    for (const o of c.options || []) {
      const opt = el("div", "option");
      opt.dataset.value = o.value;
      opt.innerHTML = (multi ? '<span class="check">' + (open.values.has(o.value) ? "☑" : "☐") + "</span>" : "") +
        "<span>" + escapeHTML(o.label) + (o.description ? '<span class="desc">' + escapeHTML(o.description) + "</span>" : "") + "</span>";
      menu.append(opt);
    }
    box.append(menu);
  }
  box.dataset.multi = multi ? "1" : "";
  return box;
}

function renderPins(nm) {
  const pins = $("#pins");
  pins.hidden = !state.showPins;
  if (!state.showPins) return;
  const pinned = state.messages.filter(m => m.pinned);
  pins.replaceChildren(el("h3", "", "Pinned messages"));
  if (!pinned.length) pins.append(el("div", "empty", "This channel doesn't have any pinned messages… yet."));
  for (const m of pinned) pins.append(renderMessage({...m, components: []}, nm));
}

// ---- Interactions ----

// interact sends an interaction and shows a modal the bot opened, or the
// error Discord would show ("The application did not respond").
async function interact(path, body, button) {
  showError("");
  if (button) { button.classList.add("busy"); button.disabled = true; }
  try {
    const r = await api(path, {user: state.user, channel: state.channel, ...body});
    if (r.modal) openModal(r.modal);
    return r;
  } catch (e) {
    showError("Interaction failed: " + e.message);
    return null;
  } finally {
    if (button) { button.classList.remove("busy"); button.disabled = false; }
    refreshMessages().catch(() => {});
  }
}

function closeSelect(send) {
  const open = state.openSelect;
  state.openSelect = null;
  state.lastMessages = "";
  if (send && open && open.multi && open.changed) {
    interact("/api/select", {message: open.msg, custom_id: open.customID, values: [...open.values]});
  }
  renderMessages();
}

function onMessagesClick(ev) {
  const t = ev.target;
  const dismiss = t.closest("[data-dismiss]");
  if (dismiss) { state.dismissed.add(dismiss.dataset.dismiss); renderMessages(); return; }
  const button = t.closest("button[data-msg]");
  if (button) {
    if (button.dataset.url) return followLink(button.dataset.url);
    interact("/api/click", {message: button.dataset.msg, custom_id: button.dataset.click}, button);
    return;
  }
  const sel = t.closest(".select");
  if (!sel) { if (state.openSelect) closeSelect(true); return; }
  const open = state.openSelect;
  const option = t.closest(".option");
  if (open && option) {
    if (!open.multi) {
      state.openSelect = null;
      state.lastMessages = "";
      renderMessages();
      interact("/api/select", {message: open.msg, custom_id: open.customID, values: [option.dataset.value]});
      return;
    }
    if (open.values.has(option.dataset.value)) open.values.delete(option.dataset.value); else open.values.add(option.dataset.value);
    open.changed = true;
    renderMessages();
    return;
  }
  if (open && open.msg === sel.dataset.msg && open.customID === sel.dataset.select) { closeSelect(true); return; }
  if (open) closeSelect(true);
  state.openSelect = {msg: sel.dataset.msg, customID: sel.dataset.select, multi: sel.dataset.multi === "1", values: new Set(), changed: false};
  renderMessages();
}

// followLink follows a link button: a link into Discord opens that channel
// here; anything else would leave the playground, so it only shows where.
function followLink(url) {
  const m = url.match(/discord\.com\/channels\/(?:@me|\d+)\/(\d+)/);
  if (m && (m[1] === state.info.dm.id || state.info.guild.channels.some(c => c.id === m[1]))) { selectChannel(m[1]); return; }
  showError("This button opens " + url + " (outside the playground).");
}

// ---- Modals ----

function modalInputs(data) {
  const out = [];
  for (const c of data.components || []) {
    if (c.type === 1) for (const k of c.components || []) if (k.type === 4) out.push({...k});
    if (c.type === 18 && c.component && c.component.type === 4) out.push({...c.component, label: c.label, description: c.description});
  }
  return out;
}

function openModal(data) {
  state.modal = data.custom_id;
  const form = $("#modal");
  form.innerHTML = "<h2>" + escapeHTML(data.title || "") + '</h2><div class="fields"></div><div class="modal-error"></div>' +
    '<footer><button type="button" class="cancel">Cancel</button><button type="submit" class="btn s1">Submit</button></footer>';
  const fields = form.querySelector(".fields");
  for (const inp of modalInputs(data)) {
    const id = "modal-" + inp.custom_id;
    const label = el("label", "", escapeHTML(inp.label || inp.custom_id) + (inp.required === false ? "" : ' <span class="req">*</span>'));
    label.htmlFor = id;
    const field = el(inp.style === 2 ? "textarea" : "input");
    field.id = id;
    field.name = inp.custom_id;
    field.placeholder = inp.placeholder || "";
    field.value = inp.value || "";
    if (inp.max_length) field.maxLength = inp.max_length;
    fields.append(label, field);
  }
  form.querySelector(".cancel").onclick = () => {
    api("/api/modal/dismiss", {user: state.user, custom_id: data.custom_id}).catch(() => {});
    closeModal();
  };
  form.onsubmit = async ev => {
    ev.preventDefault();
    const values = {};
    for (const f of form.querySelectorAll("input, textarea")) values[f.name] = f.value;
    try {
      const r = await api("/api/modal", {user: state.user, custom_id: data.custom_id, fields: values});
      closeModal();
      if (r.modal) openModal(r.modal);
      refreshMessages().catch(() => {});
    } catch (e) {
      form.querySelector(".modal-error").textContent = e.message;
    }
  };
  $("#modal-backdrop").hidden = false;
  const first = fields.querySelector("input, textarea");
  if (first) first.focus();
}

function closeModal() {
  state.modal = null;
  $("#modal-backdrop").hidden = true;
}

// ---- The composer: messages and slash commands ----

function availableCommands() {
  return (state.info ? state.info.commands : []).filter(c => inDM() ? c.in_dms : c.in_server);
}

function onInput() {
  const v = $("#input").value;
  const list = $("#command-list");
  if (state.command || !v.startsWith("/")) { list.hidden = true; return; }
  const typed = v.slice(1).toLowerCase();
  const cmds = availableCommands().filter(c => c.name.startsWith(typed) || c.name.replace(/ /g, "").startsWith(typed.replace(/ /g, "")));
  list.replaceChildren(...cmds.map((c, i) => {
    const d = el("div", "cmd" + (i === 0 ? " selected" : ""), "<b>/" + escapeHTML(c.name) + "</b><span>" + escapeHTML(c.description) + "</span>");
    d.dataset.command = c.name;
    return d;
  }));
  list.hidden = !cmds.length;
}

function pickCommand(name) {
  const cmd = availableCommands().find(c => c.name === name);
  if (!cmd) return;
  state.command = cmd;
  state.values = {};
  state.labels = {};
  $("#input").value = "";
  $("#input").placeholder = "Press Enter to send /" + cmd.name;
  $("#command-list").hidden = true;
  renderCommandForm();
  const first = $("#command-form [data-option]");
  (first || $("#input")).focus();
}

function cancelCommand() {
  clearTimeout(autocompleteTimer);
  state.command = null;
  $("#command-form").hidden = true;
  $("#choice-list").hidden = true;
  $("#command-list").hidden = true;
  if (state.info) renderSidebar();
}

function optionControl(o) {
  const nm = state.info;
  const selectOf = items => {
    const s = el("select");
    s.add(new Option("", ""));
    for (const [value, label] of items) s.add(new Option(label, value));
    return s;
  };
  let input;
  if (o.choices && o.choices.length) input = selectOf(o.choices.map(c => [String(c.value), c.name]));
  else if (o.type === 5) input = selectOf([["true", "True"], ["false", "False"]]);
  else if (o.type === 6) input = selectOf([...nm.people.map(p => [p.id, p.name]), [nm.bot.id, nm.bot.name]]);
  else if (o.type === 7) input = selectOf(nm.guild.channels.map(c => [c.id, "#" + c.name]));
  else if (o.type === 8) input = selectOf(nm.guild.roles.map(r => [r.id, "@" + r.name]).concat([[nm.guild.id, "@everyone"]]));
  else if (o.type === 9) input = selectOf([...nm.people.map(p => [p.id, p.name]), ...nm.guild.roles.map(r => [r.id, "@" + r.name])]);
  else if (o.type === 11) { input = el("input"); input.type = "file"; }
  else {
    input = el("input");
    input.type = (o.type === 4 || o.type === 10) ? "number" : "text";
    if (o.min_value !== undefined && o.min_value !== null) input.min = o.min_value;
    if (o.max_value) input.max = o.max_value;
    if (o.type === 4) input.step = 1;
    if (o.max_length) input.maxLength = o.max_length;
  }
  input.dataset.option = o.name;
  input.title = o.description;
  return input;
}

function renderCommandForm() {
  const form = $("#command-form");
  const cmd = state.command;
  form.replaceChildren(el("span", "cmd-pill", "/" + escapeHTML(cmd.name)));
  for (const o of cmd.options) {
    const wrap = el("label", "opt", escapeHTML(o.name) + (o.required ? ' <span class="req">*</span>' : ""));
    wrap.append(optionControl(o));
    form.append(wrap);
  }
  form.append(el("div", "cmd-desc", escapeHTML(cmd.description) + " · Enter sends, Esc cancels"));
  form.hidden = false;
}

function onOptionInput(ev) {
  const input = ev.target;
  const name = input.dataset.option;
  if (!name || !state.command) return;
  delete state.labels[name];
  const o = state.command.options.find(x => x.name === name);
  if (!o || !o.autocomplete) return;
  clearTimeout(autocompleteTimer);
  autocompleteTimer = setTimeout(() => autocomplete(o, input).catch(e => showError(e.message)), 250);
}

async function autocomplete(o, input) {
  const cmd = state.command;
  if (!cmd) return;
  const options = await collectOptions(false).catch(() => ({}));
  options[o.name] = input.value;
  const r = await interact("/api/autocomplete", {command: cmd.name, focused: o.name, options: options});
  const list = $("#choice-list");
  if (!r || !r.choices || state.command !== cmd || document.activeElement !== input) { list.hidden = true; return; }
  list.replaceChildren(...r.choices.map(c => {
    const d = el("div", "cmd", "<b>" + escapeHTML(c.name) + "</b>");
    d.dataset.choice = String(c.value);
    d.dataset.option = o.name;
    d.dataset.label = c.name;
    return d;
  }));
  list.hidden = !r.choices.length;
}

function pickChoice(d) {
  const input = $('#command-form [data-option="' + CSS.escape(d.dataset.option) + '"]');
  input.value = d.dataset.label;
  state.labels[d.dataset.option] = d.dataset.choice;
  $("#choice-list").hidden = true;
  input.focus();
}

function readFile(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve({name: file.name, content_type: file.type || "application/octet-stream", data: String(r.result).split(",")[1] || ""});
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

// collectOptions reads the command form; strict checks required options.
async function collectOptions(strict) {
  const out = {};
  for (const o of state.command.options) {
    const input = $('#command-form [data-option="' + CSS.escape(o.name) + '"]');
    if (!input) continue;
    let v;
    if (o.type === 11) { if (input.files.length) v = await readFile(input.files[0]); }
    else if (input.value !== "") {
      v = state.labels[o.name] !== undefined ? state.labels[o.name] : input.value;
      if (o.type === 4 || o.type === 10) v = Number(v);
      if (o.type === 5) v = v === "true";
    }
    if (v === undefined) {
      if (strict && o.required) throw new Error("Fill in " + o.name + ": " + o.description);
      continue;
    }
    out[o.name] = v;
  }
  return out;
}

async function onSubmit(ev) {
  ev.preventDefault();
  const input = $("#input");
  if (!state.command && input.value.startsWith("/")) {
    const first = $("#command-list .cmd");
    if (first) pickCommand(first.dataset.command);
    return;
  }
  if (state.command) {
    let options;
    try { options = await collectOptions(true); } catch (e) { showError(e.message); return; }
    const name = state.command.name;
    cancelCommand();
    state.scrollDown = true;
    await interact("/api/command", {command: name, options: options});
    return;
  }
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  state.scrollDown = true;
  try { await api("/api/say", {user: state.user, channel: state.channel, content: text}); } catch (e) { showError(e.message); }
  refreshMessages().catch(() => {});
}

// ---- Wiring ----

function wire() {
  $("#messages").addEventListener("click", onMessagesClick);
  $("#pins").addEventListener("click", onMessagesClick);
  document.addEventListener("click", ev => {
    if (state.openSelect && !ev.target.closest("#messages")) closeSelect(true);
  });
  $("#sidebar").addEventListener("click", ev => {
    const li = ev.target.closest("li[data-channel]");
    if (li) selectChannel(li.dataset.channel);
    const b = ev.target.closest("button[data-advance]");
    if (b) advanceClock(b.dataset.advance);
  });
  $("#who").addEventListener("change", ev => {
    state.user = ev.target.value;
    closeModal();
    state.dismissed.clear();
    const inGuild = state.info.guild.channels.some(c => c.id === state.channel);
    state.channel = inGuild ? state.channel : null;
    refreshState().then(() => selectChannel(state.channel));
  });
  $("#pins-button").addEventListener("click", () => { state.showPins = !state.showPins; renderPins(names()); });
  $("#input").addEventListener("input", onInput);
  $("#composer").addEventListener("submit", onSubmit);
  $("#composer").addEventListener("input", onOptionInput);
  $("#composer").addEventListener("keydown", ev => {
    if (ev.key === "Escape") { cancelCommand(); $("#input").value = ""; onInput(); }
    if (ev.key === "Enter" && ev.target.dataset.option) { ev.preventDefault(); $("#choice-list").hidden = true; onSubmit(ev); }
  });
  $("#command-list").addEventListener("click", ev => {
    const d = ev.target.closest("[data-command]");
    if (d) pickCommand(d.dataset.command);
  });
  $("#choice-list").addEventListener("mousedown", ev => {
    const d = ev.target.closest("[data-choice]");
    if (d) { ev.preventDefault(); pickChoice(d); }
  });
}

async function poll() {
  try {
    await refreshState();
    await refreshMessages();
  } catch (e) {
    showError("Lost the playground: " + e.message + " (is spotter playground still running?)");
  }
  setTimeout(poll, 1000);
}

async function main() {
  wire();
  const info = await api("/api/state?user=" + (new URLSearchParams(location.search).get("user") || "1800000000000000001"));
  state.user = info.me.id;
  await poll();
}

main();
