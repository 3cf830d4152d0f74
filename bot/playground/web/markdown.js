// Discord's markdown, the parts the bot uses: headings, subtext, lists,
// quotes, code, bold, italics, underline, strikethrough, links, mentions
// and timestamps. Everything is escaped first; only our own tags are added.
"use strict";

function escapeHTML(s) {
  return String(s).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}

// names resolves mentions: {users: {id: name}, channels: {id: name}, roles: {id: name}}.
function inlineMarkdown(text, names) {
  const codes = [];
  let s = escapeHTML(text).replace(/`([^`]+)`/g, (_, c) => { codes.push(c); return "\u0000" + (codes.length - 1) + "\u0000"; });
  s = s
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" title="$2" target="_blank" rel="noreferrer">$1</a>')
    .replace(/\*\*\*(.+?)\*\*\*/g, "<b><i>$1</i></b>")
    .replace(/\*\*(.+?)\*\*/g, "<b>$1</b>")
    .replace(/__(.+?)__/g, "<u>$1</u>")
    .replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?!\w)/g, "$1<i>$2</i>")
    .replace(/(^|[^\w])_(?!\s)(.+?)_(?!\w)/g, "$1<i>$2</i>")
    .replace(/~~(.+?)~~/g, "<s>$1</s>")
    .replace(/&lt;@!?(\d+)&gt;/g, (_, id) => '<span class="mention">@' + escapeHTML((names.users || {})[id] || "unknown-user") + "</span>")
    .replace(/&lt;@&amp;(\d+)&gt;/g, (_, id) => '<span class="mention">@' + escapeHTML((names.roles || {})[id] || "unknown-role") + "</span>")
    .replace(/&lt;#(\d+)&gt;/g, (_, id) => '<span class="mention">#' + escapeHTML((names.channels || {})[id] || "unknown") + "</span>")
    .replace(/&lt;\/([\w -]+):\d+&gt;/g, '<span class="mention">/$1</span>')
    .replace(/&lt;t:(-?\d+)(?::([tTdDfFR]))?&gt;/g, (_, sec, style) => '<span class="mention">' + escapeHTML(formatTimestamp(Number(sec), style || "f")) + "</span>");
  return s.replace(/\u0000(\d+)\u0000/g, (_, i) => "<code>" + codes[Number(i)] + "</code>");
}

function formatTimestamp(sec, style) {
  const d = new Date(sec * 1000);
  const time = d.toLocaleTimeString([], {hour: "2-digit", minute: "2-digit"});
  const date = d.toLocaleDateString([], {day: "numeric", month: "long", year: "numeric"});
  switch (style) {
    case "t": return time;
    case "T": return d.toLocaleTimeString();
    case "d": return d.toLocaleDateString();
    case "D": return date;
    case "F": return d.toLocaleDateString([], {weekday: "long"}) + ", " + date + " " + time;
    case "R": {
      const mins = Math.round((sec * 1000 - playgroundNow()) / 60000);
      const abs = Math.abs(mins);
      const [n, unit] = abs < 60 ? [abs, "minute"] : abs < 1440 ? [Math.round(abs / 60), "hour"] : [Math.round(abs / 1440), "day"];
      const words = n + " " + unit + (n === 1 ? "" : "s");
      return mins >= 0 ? "in " + words : words + " ago";
    }
    default: return date + " " + time;
  }
}

// markdown renders a message or embed text as HTML.
function markdown(text, names) {
  if (!text) return "";
  const out = [];
  const lines = String(text).split("\n");
  let list = null; // "ul" or "ol" while inside a list
  const closeList = () => { if (list) { out.push("</" + list + ">"); list = null; } };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith("```")) {
      closeList();
      const code = [];
      for (i++; i < lines.length && !lines[i].startsWith("```"); i++) code.push(lines[i]);
      out.push("<pre><code>" + escapeHTML(code.join("\n")) + "</code></pre>");
      continue;
    }
    let m;
    if ((m = line.match(/^\s*[-*] (.*)$/)) && !line.startsWith("-# ")) {
      if (list !== "ul") { closeList(); out.push("<ul>"); list = "ul"; }
      out.push("<li>" + inlineMarkdown(m[1], names) + "</li>");
      continue;
    }
    if ((m = line.match(/^\s*\d+\. (.*)$/))) {
      if (list !== "ol") { closeList(); out.push("<ol>"); list = "ol"; }
      out.push("<li>" + inlineMarkdown(m[1], names) + "</li>");
      continue;
    }
    closeList();
    if ((m = line.match(/^(#{1,3}) (.*)$/))) {
      out.push("<h" + m[1].length + ">" + inlineMarkdown(m[2], names) + "</h" + m[1].length + ">");
    } else if ((m = line.match(/^-# (.*)$/))) {
      out.push('<div class="subtext">' + inlineMarkdown(m[1], names) + "</div>");
    } else if ((m = line.match(/^> ?(.*)$/))) {
      out.push("<blockquote>" + inlineMarkdown(m[1], names) + "</blockquote>");
    } else if (line.trim() === "") {
      out.push("<br>");
    } else {
      out.push("<p>" + inlineMarkdown(line, names) + "</p>");
    }
  }
  closeList();
  return '<div class="md">' + out.join("") + "</div>";
}
