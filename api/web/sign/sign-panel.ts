import { h, uniqueId } from '../common/dom';
import { errorRegion, field, whileBusy } from '../common/form';
import type { RecipientView, SignBody } from '../common/recipient-api';
import { act } from './act';
import type { PageContext } from './page-context';
import { createSignaturePad } from './signature-pad';
import { drawImageFile, drawTypedSignature, exportSignaturePng } from './signature-png';

type Kind = 'DRAWN' | 'TYPED' | 'UPLOADED';

/** Draw / Type / Upload: toggle buttons (all reachable with Tab, chosen with Space or Enter). */
function kindSwitcher(ctx: PageContext, panels: Record<Kind, HTMLElement>, onChange: (kind: Kind) => void) {
  const { t } = ctx.i18n;
  const labels: Record<Kind, string> = { DRAWN: t('tabDraw'), TYPED: t('tabType'), UPLOADED: t('tabUpload') };
  const buttons = (Object.keys(labels) as Kind[]).map((kind) =>
    h('button', { type: 'button', class: 'toggle', 'data-kind': kind, 'aria-controls': panels[kind].id }, labels[kind]),
  );
  const select = (kind: Kind): void => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.kind === kind));
    for (const [name, panel] of Object.entries(panels)) panel.hidden = name !== kind;
    onChange(kind);
  };
  buttons.forEach((button) => button.addEventListener('click', () => select(button.dataset.kind as Kind)));
  return { element: h('div', { class: 'toggles', role: 'group', 'aria-label': t('signHeading') }, ...buttons), select };
}

function onBehalfChoice(ctx: PageContext, view: RecipientView) {
  const { t } = ctx.i18n;
  const named = view.you.onBehalfOf;
  if (named) {
    return {
      element: h('p', { class: 'on-behalf' }, t('onBehalfOfNamed', { organisation: named })),
      value: () => named,
    };
  }
  const name = uniqueId('as');
  const myself = h('input', { type: 'radio', name, value: 'self', checked: true, id: uniqueId('self') });
  const organisation = h('input', { type: 'radio', name, value: 'org', id: uniqueId('org') });
  const orgName = h('input', { type: 'text', autocomplete: 'organization', maxlength: 200 });
  const orgField = field(t('organisationName'), orgName);
  orgField.hidden = true;
  const sync = (): void => {
    orgField.hidden = !organisation.checked;
  };
  myself.addEventListener('change', sync);
  organisation.addEventListener('change', sync);
  const element = h(
    'fieldset',
    { class: 'on-behalf' },
    h('legend', {}, t('signAs')),
    h('div', { class: 'choice' }, myself, h('label', { for: myself.id }, t('signForMyself'))),
    h('div', { class: 'choice' }, organisation, h('label', { for: organisation.id }, t('signForOrganisation'))),
    orgField,
  );
  return { element, value: () => (organisation.checked ? orgName.value.trim() || null : undefined) };
}

/** The sign panel: a signature (drawn, typed or uploaded), on whose behalf, consent, submit. */
export function createSignPanel(ctx: PageContext, view: RecipientView, close: () => void): HTMLElement {
  const { t } = ctx.i18n;
  const errors = errorRegion();
  const pad = createSignaturePad(t('drawCanvas'));
  const typed = h('input', { type: 'text', autocomplete: 'name', maxlength: 200, value: view.you.name });
  const typedPreview = h('canvas', {
    class: 'signature-canvas',
    width: 600,
    height: 200,
    role: 'img',
    'aria-label': t('typePreview'),
  });
  typed.addEventListener('input', () => drawTypedSignature(typed.value, typedPreview));
  const upload = h('input', { type: 'file', accept: 'image/png,image/jpeg' });
  const uploadPreview = h('canvas', {
    class: 'signature-canvas',
    width: 600,
    height: 200,
    role: 'img',
    'aria-label': t('uploadPreview'),
  });
  let uploaded = false;
  upload.addEventListener('change', () => {
    const file = upload.files?.[0];
    uploaded = false;
    if (!file) return;
    void drawImageFile(file, uploadPreview).then((ok) => {
      uploaded = ok;
      if (ok) errors.clear();
      else errors.show(t('imageUnreadable'));
    });
  });
  const panels: Record<Kind, HTMLElement> = {
    DRAWN: h(
      'div',
      { id: uniqueId('draw'), class: 'kind-panel' },
      h('p', { class: 'hint' }, t('drawHint')),
      pad.canvas,
      h('button', { type: 'button', class: 'button secondary', onclick: () => pad.clear() }, t('clear')),
    ),
    TYPED: h('div', { id: uniqueId('type'), class: 'kind-panel' }, field(t('typeLabel'), typed), typedPreview),
    UPLOADED: h('div', { id: uniqueId('upload'), class: 'kind-panel' }, field(t('uploadLabel'), upload), uploadPreview),
  };
  let kind: Kind = 'DRAWN';
  const switcher = kindSwitcher(ctx, panels, (next) => {
    kind = next;
    if (next === 'TYPED') drawTypedSignature(typed.value, typedPreview);
  });
  switcher.select('DRAWN');
  const behalf = onBehalfChoice(ctx, view);
  const consent = h('input', { type: 'checkbox', id: uniqueId('consent'), required: true });
  consent.addEventListener('change', () => errors.clear());
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('submitSign'));

  const body = (): SignBody | string => {
    const onBehalfOf = behalf.value();
    if (onBehalfOf === null) return t('needOrganisation');
    const common = { consent: consent.checked, ...(onBehalfOf ? { onBehalfOf } : {}) };
    if (kind === 'TYPED') {
      return typed.value.trim()
        ? { ...common, signatureKind: 'TYPED', signatureText: typed.value.trim() }
        : t('needSignature');
    }
    const source = kind === 'DRAWN' ? (pad.isEmpty() ? undefined : pad.canvas) : uploaded ? uploadPreview : undefined;
    const png = source ? exportSignaturePng(source) : undefined;
    if (!png) return t(source ? 'imageUnreadable' : 'needSignature');
    return { ...common, signatureKind: kind, signatureImagePng: png, signatureText: view.you.name };
  };

  const form = h(
    'form',
    { class: 'panel', novalidate: true, 'aria-labelledby': 'sign-heading' },
    h('h2', { id: 'sign-heading' }, t('signHeading')),
    switcher.element,
    panels.DRAWN,
    panels.TYPED,
    panels.UPLOADED,
    behalf.element,
    h('div', { class: 'choice consent' }, consent, h('label', { for: consent.id }, t('consent'))),
    errors.element,
    h(
      'div',
      { class: 'buttons' },
      submit,
      h('button', { type: 'button', class: 'button secondary', onclick: close }, t('cancel')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.clear();
    const request = body();
    if (typeof request === 'string') return errors.show(request);
    if (!request.consent) return errors.show(t('needConsent'));
    void whileBusy(submit, t('sending'), () => act(ctx, 'signed', () => ctx.api.sign(request), errors.show));
  });
  return form;
}
