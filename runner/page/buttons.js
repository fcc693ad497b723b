// The runner's buttons: an icon and a visible name. The icons are small inline SVGs,
// decorative, so hidden from screen readers.
const PATHS = {
  run: "M8 5.5v13l10.5-6.5z",
  stop: "M7 7h10v10H7z",
  edit: "M4 17.2V20h2.8l8.3-8.3-2.8-2.8zm15.7-7.6a1 1 0 0 0 0-1.4l-1.9-1.9a1 1 0 0 0-1.4 0l-1.5 1.5 2.8 2.8z",
  reset: "M12 5V2L7 6l5 4V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z",
  open: "M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14zM5 5h6v2H5v12h12v-6h2v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z",
  check: "M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z",
  timeline: "M3 5h9v3H3zm5 5.5h13v3H8zM5 16h9v3H5z",
  replay: "M12 4a8 8 0 1 0 8 8h-2a6 6 0 1 1-6-6v3l4-4-4-4zm-2 5.5v5l4.5-2.5z",
  explore: "M4 18h16v2H4zm1-2h3V9H5zm5.5 0h3V4h-3zm5.5 0h3v-5h-3z",
  copy: "M8 3h10a2 2 0 0 1 2 2v12h-2V5H8zM5 7h9a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2zm0 2v10h9V9z",
  step: "M6 6.5v11l8-5.5zM16 6h2.5v12H16z",
  undo: "M12.5 8a9.4 9.4 0 0 0-6.2 2.4L3 7v9h9l-3.3-3.3A6.9 6.9 0 0 1 12.5 11c3 0 5.6 2 6.6 4.8l2.4-.8A9.5 9.5 0 0 0 12.5 8z",
  redo: "M11.5 8a9.4 9.4 0 0 1 6.2 2.4L21 7v9h-9l3.3-3.3A6.9 6.9 0 0 0 11.5 11c-3 0-5.6 2-6.6 4.8l-2.4-.8A9.5 9.5 0 0 1 11.5 8z",
  link: "M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0zM8.5 19a4.5 4.5 0 0 1-3.2-7.7l2.1-2.1 1.4 1.4-2.1 2.1a2.5 2.5 0 0 0 3.5 3.5l2.1-2.1 1.4 1.4-2.1 2.1A4.5 4.5 0 0 1 8.5 19zm8.1-4.2-1.4-1.4 2.1-2.1a2.5 2.5 0 0 0-3.5-3.5l-2.1 2.1-1.4-1.4 2.1-2.1a4.5 4.5 0 0 1 6.4 6.4z",
};

function icon(name) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", PATHS[name]);
  svg.append(path);
  return svg;
}

// A button (or a link, given `href`) with an icon and a visible name.
export function button(name, iconName, { href, className = "" } = {}) {
  const element = document.createElement(href ? "a" : "button");
  if (href) element.href = href;
  else element.type = "button";
  element.className = `runner-button ${className}`.trim();
  const label = document.createElement("span");
  label.textContent = name;
  element.append(icon(iconName), label);
  return element;
}
