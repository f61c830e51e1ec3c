import {
  BlockStack,
  Button,
  ButtonGroup,
  InlineError,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useId, useRef, useState } from "react";
import { useT } from "../i18n/useT";
import type { MessageKey } from "../i18n/i18n";
import { inertHtml } from "./answer-html";

interface Props {
  label: string;
  /** Form field name: the answer is posted as HTML in a hidden input. */
  name: string;
  value: string;
  onChange: (html: string) => void;
  helpText?: string;
  error?: string;
}

const FORMATS: [command: string, label: MessageKey][] = [
  ["bold", "faq.editorBold"],
  ["italic", "faq.editorItalic"],
  ["insertUnorderedList", "faq.editorBullets"],
  ["insertOrderedList", "faq.editorNumbers"],
];

/** Link targets the sanitiser keeps: web pages, the shop's own paths, mail and phone. */
const LINK = /^(https?:\/\/[^\s]+|\/[^\s]*|mailto:[^\s]+|tel:[+\d][\d\s-]*)$/i;

/**
 * The answer as a merchant edits it: formatted text with a toolbar (bold, italic, lists, links),
 * or its HTML. The browser's own editing does the work (contentEditable); what it produces is
 * sanitised on save like any answer, pasted text arrives as plain text, and paragraphs are <p>
 * (the sanitiser drops the <div> a browser makes by default).
 */
export function AnswerEditor({
  label,
  name,
  value,
  onChange,
  helpText,
  error,
}: Props) {
  const t = useT();
  const id = useId();
  const area = useRef<HTMLDivElement>(null);
  const selection = useRef<Range | null>(null);
  const [source, setSource] = useState(false);
  const [focused, setFocused] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [linkError, setLinkError] = useState(false);

  // Show the value when it comes from outside (the loader, the HTML view), not while typing.
  useEffect(() => {
    const el = area.current;
    if (el && el.innerHTML !== value && document.activeElement !== el)
      el.innerHTML = inertHtml(value);
  }, [value, source]);

  const emit = () => {
    const el = area.current;
    if (!el) return;
    onChange(el.textContent?.trim() ? el.innerHTML : "");
  };
  const remember = () => {
    const s = window.getSelection();
    if (s?.rangeCount && area.current?.contains(s.anchorNode))
      selection.current = s.getRangeAt(0).cloneRange();
  };
  const run = (command: string, argument?: string) => {
    const el = area.current;
    if (!el) return;
    el.focus();
    const s = window.getSelection();
    if (selection.current && s) {
      s.removeAllRanges();
      s.addRange(selection.current);
    }
    document.execCommand(command, false, argument);
    remember();
    emit();
  };
  const addLink = () => {
    const url = (link ?? "").trim();
    if (!LINK.test(url)) return setLinkError(true);
    // With nothing selected the link is its own text, not an invisible anchor.
    if (!selection.current || selection.current.collapsed) {
      const text = url.replace(/&/g, "&amp;").replace(/</g, "&lt;");
      run(
        "insertHTML",
        `<a href="${text.replace(/"/g, "&quot;")}">${text}</a>`,
      );
    } else run("createLink", url);
    setLink(null);
    setLinkError(false);
  };

  return (
    <BlockStack gap="100">
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <Text as="span" id={`${id}-label`}>
          {label}
        </Text>
        <Button
          size="micro"
          variant="tertiary"
          pressed={source}
          onClick={() => setSource(!source)}
        >
          {t("faq.editorSource")}
        </Button>
      </InlineStack>
      {source ? (
        <TextField
          label={label}
          labelHidden
          value={value}
          onChange={onChange}
          autoComplete="off"
          multiline={6}
          monospaced
          error={error}
        />
      ) : (
        <>
          <ButtonGroup variant="segmented">
            {FORMATS.map(([command, key]) => (
              <Button key={command} size="slim" onClick={() => run(command)}>
                {t(key)}
              </Button>
            ))}
            <Button
              size="slim"
              onClick={() => {
                remember();
                setLink(link === null ? "https://" : null);
                setLinkError(false);
              }}
            >
              {t("faq.editorLink")}
            </Button>
            <Button size="slim" onClick={() => run("removeFormat")}>
              {t("faq.editorClear")}
            </Button>
          </ButtonGroup>
          {link !== null && (
            <InlineStack gap="200" blockAlign="end">
              {/* Enter adds the link (it used to submit the whole entry form); Escape closes. */}
              <div
                style={{ flex: 1 }}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    addLink();
                  } else if (e.key === "Escape") setLink(null);
                }}
              >
                <TextField
                  label={t("faq.editorLinkUrl")}
                  value={link}
                  onChange={setLink}
                  autoComplete="off"
                  autoFocus
                  error={linkError ? t("faq.editorLinkBad") : undefined}
                />
              </div>
              <Button onClick={addLink}>{t("faq.editorLinkAdd")}</Button>
              <Button variant="plain" onClick={() => setLink(null)}>
                {t("faq.editorCancel")}
              </Button>
            </InlineStack>
          )}
          <style>{`.tsunagu-answer p{margin:0 0 .5em}.tsunagu-answer ul,.tsunagu-answer ol{margin:0 0 .5em;padding-inline-start:1.5em}.tsunagu-answer a{color:var(--p-color-text-link)}`}</style>
          <div
            ref={area}
            className="tsunagu-answer"
            contentEditable
            suppressContentEditableWarning
            role="textbox"
            aria-multiline="true"
            aria-labelledby={`${id}-label`}
            aria-describedby={helpText ? `${id}-help` : undefined}
            aria-invalid={error ? true : undefined}
            onFocus={() => {
              setFocused(true);
              document.execCommand("defaultParagraphSeparator", false, "p");
            }}
            onBlur={() => setFocused(false)}
            onInput={() => {
              remember();
              emit();
            }}
            onKeyUp={remember}
            onMouseUp={remember}
            onPaste={(e) => {
              e.preventDefault();
              document.execCommand(
                "insertText",
                false,
                e.clipboardData.getData("text/plain"),
              );
            }}
            style={{
              minHeight: "7.5rem",
              padding: "var(--p-space-150) var(--p-space-300)",
              borderRadius: "var(--p-border-radius-200)",
              border: `var(--p-border-width-025) solid ${
                error
                  ? "var(--p-color-border-critical)"
                  : "var(--p-color-input-border)"
              }`,
              outline: focused
                ? "var(--p-border-width-050) solid var(--p-color-border-focus)"
                : "none",
              outlineOffset: "var(--p-space-025)",
              background: "var(--p-color-input-bg-surface)",
              overflowWrap: "anywhere",
            }}
          />
          {error && <InlineError message={error} fieldID={id} />}
        </>
      )}
      <input type="hidden" name={name} value={value} />
      {helpText && (
        <Text as="p" tone="subdued" id={`${id}-help`}>
          {helpText}
        </Text>
      )}
    </BlockStack>
  );
}
