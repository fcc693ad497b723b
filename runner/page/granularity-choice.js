// A granularity choice, as Explore and Step through offer it: radio buttons in a
// fieldset, each with its line on what it means (`x += 1` in backquotes is code). The
// classes are the block's own: `${block}__granularity`, `__option`, `__hint`.
export function granularityChoice(name, { block, legend, options, initial }) {
  const element = document.createElement("fieldset");
  element.className = `${block}__granularity`;
  const title = document.createElement("legend");
  title.textContent = legend;
  element.append(title);
  for (const { value, label, hint } of options) {
    const option = document.createElement("div");
    option.className = `${block}__option`;
    const input = document.createElement("input");
    input.type = "radio";
    input.name = name;
    input.value = value;
    input.id = `${name}-${value}`;
    input.checked = value === initial;
    const text = document.createElement("label");
    text.htmlFor = input.id;
    text.textContent = label;
    const about = document.createElement("span");
    about.className = `${block}__hint`;
    about.id = `${input.id}-hint`;
    hint.split("`").forEach((part, index) => {
      if (index % 2 === 0) about.append(part);
      else about.append(Object.assign(document.createElement("code"), { textContent: part }));
    });
    input.setAttribute("aria-describedby", about.id);
    option.append(input, text, about);
    element.append(option);
  }
  return {
    element,
    value: () => element.querySelector("input:checked")?.value ?? initial,
  };
}
