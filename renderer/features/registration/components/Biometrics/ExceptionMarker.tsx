import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { BioAttribute } from '../../../../../schemas/registration';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { biometricsSelectors } from '../../store/slices/biometrics/selectors';

/** One drawn finger or eye: its shape in the picture's coordinates. */
interface Part {
  readonly attribute: BioAttribute;
  readonly shape: { readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly r: number };
  /** degrees the part turns about the middle of its base (the thumb is tilted) */
  readonly tilt?: number;
}

type Group = 'leftHand' | 'rightHand' | 'eyes';

const HAND_WIDTH = 130;
const finger = (x: number, y: number, h: number) => ({ x, y, w: 17, h, r: 8.5 });

/**
 * The left hand palm down, fingertips up, as the resident lays it on a slap scanner and sees it:
 * little finger on the left, thumb on the right.
 */
const LEFT_HAND: readonly Part[] = [
  { attribute: 'leftLittle', shape: finger(10, 44, 42) },
  { attribute: 'leftRing', shape: finger(30, 24, 60) },
  { attribute: 'leftMiddle', shape: finger(50, 14, 70) },
  { attribute: 'leftIndex', shape: finger(70, 24, 60) },
  { attribute: 'leftThumb', shape: finger(90, 72, 42), tilt: 35 },
];
const RIGHT_OF: Readonly<Partial<Record<BioAttribute, BioAttribute>>> = {
  leftLittle: 'rightLittle', leftRing: 'rightRing', leftMiddle: 'rightMiddle', leftIndex: 'rightIndex', leftThumb: 'rightThumb',
};
/** The right hand, the left one's mirror image; listed left to right as drawn (thumb first), so Tab crosses the picture in order. */
const RIGHT_HAND: readonly Part[] = LEFT_HAND.map((p) => ({
  attribute: RIGHT_OF[p.attribute]!,
  shape: { ...p.shape, x: HAND_WIDTH - p.shape.x - p.shape.w },
  tilt: p.tilt === undefined ? undefined : -p.tilt,
})).reverse();
const EYES: readonly Part[] = [
  { attribute: 'leftEye', shape: { x: 6, y: 14, w: 78, h: 40, r: 20 } },
  { attribute: 'rightEye', shape: { x: 106, y: 14, w: 78, h: 40, r: 20 } },
];
const PICTURES: readonly { key: Group; parts: readonly Part[]; viewBox: string; palm?: { x: number; w: number } }[] = [
  { key: 'leftHand', parts: LEFT_HAND, viewBox: `0 0 ${HAND_WIDTH} 150`, palm: { x: 10, w: 86 } },
  { key: 'rightHand', parts: RIGHT_HAND, viewBox: `0 0 ${HAND_WIDTH} 150`, palm: { x: HAND_WIDTH - 10 - 86, w: 86 } },
  { key: 'eyes', parts: EYES, viewBox: '0 0 190 68' },
];

/** A finger or eye the operator may mark: a checkbox drawn in the picture, crossed out once marked. */
function PartControl({ part, label, isMarked, isMarkable, onToggle }: Readonly<{ part: Part; label: string; isMarked: boolean; isMarkable: boolean; onToggle: () => void }>) {
  const { x, y, w, h, r } = part.shape;
  const transform = part.tilt === undefined ? undefined : `rotate(${part.tilt} ${x + w / 2} ${y + h})`;
  const isEye = part.attribute.endsWith('Eye');
  const shapes = (
    <>
      <rect className="bodypart__shape" x={x} y={y} width={w} height={h} rx={r} />
      {isEye && <circle className="bodypart__iris" cx={x + w / 2} cy={y + h / 2} r={h / 3.2} />}
      {isMarked && (
        <g className="bodypart__cross">
          <line x1={x + 2} y1={y + 2} x2={x + w - 2} y2={y + h - 2} />
          <line x1={x + w - 2} y1={y + 2} x2={x + 2} y2={y + h - 2} />
        </g>
      )}
    </>
  );
  if (!isMarkable) return <g className="bodypart bodypart--off" transform={transform} aria-hidden="true">{shapes}</g>;
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    // Space toggles, as on a native checkbox (and must not scroll the page)
    if (e.key !== ' ') return;
    e.preventDefault();
    onToggle();
  };
  return (
    <g
      className={`bodypart${isMarked ? ' bodypart--marked' : ''}`}
      transform={transform}
      role="checkbox"
      aria-checked={isMarked}
      aria-label={label}
      tabIndex={0}
      data-attribute={part.attribute}
      onClick={onToggle}
      onKeyDown={onKeyDown}
    >
      <title>{label}</title>
      {shapes}
    </g>
  );
}

/**
 * Missing fingers and eyes on a picture of the two hands and the eyes, as MOSIP's exception pane
 * draws them. Each finger or eye is a keyboard-operable checkbox; one marked missing is crossed out.
 * The picture keeps left-to-right in every UI language (Arabic included): it shows the resident's own
 * left hand and eye on the left, as the resident sees them, so mirroring it for a right-to-left page
 * would swap the hands. Only attributes the field requires can be marked; the others are drawn faint.
 */
export function ExceptionMarker({ fieldId }: Readonly<{ fieldId: string }>) {
  const { t } = useTranslation();
  const id = useId();
  const exceptionable = useRegistration(useShallow(biometricsSelectors.exceptionable(fieldId)));
  const exceptions = useRegistration(biometricsSelectors.exceptions(fieldId));
  const { setException } = useRegistrationActions();
  if (exceptionable.length === 0) return null;
  return (
    <details className="exceptions" open={exceptions.length > 0}>
      <summary>{t('registration.biometrics.exceptions', { count: exceptions.length })}</summary>
      <p className="muted">{t('registration.biometrics.exceptionsHint')}</p>
      <div className="exceptions__picture" dir="ltr">
        {PICTURES.map((picture) => {
          if (!picture.parts.some((p) => exceptionable.includes(p.attribute))) return null;
          const captionId = `${id}-${picture.key}`;
          return (
            <div key={picture.key} className={`exceptions__group exceptions__group--${picture.key}`} role="group" aria-labelledby={captionId}>
              <svg viewBox={picture.viewBox} className="exceptions__svg" focusable="false">
                {picture.palm && <rect className="palm" x={picture.palm.x} y={76} width={picture.palm.w} height={66} rx={16} aria-hidden="true" />}
                {picture.parts.map((part) => (
                  <PartControl
                    key={part.attribute}
                    part={part}
                    label={t(`registration.attribute.${part.attribute}`)}
                    isMarked={exceptions.includes(part.attribute)}
                    isMarkable={exceptionable.includes(part.attribute)}
                    onToggle={() => setException(fieldId, part.attribute, !exceptions.includes(part.attribute))}
                  />
                ))}
              </svg>
              {picture.key === 'eyes' && (
                // which eye is which, under each one: the caption alone would not say
                <span className="exceptions__sides" aria-hidden="true">
                  {EYES.map((eye) => <span key={eye.attribute} dir="auto">{t(`registration.attribute.${eye.attribute}`)}</span>)}
                </span>
              )}
              <span id={captionId} className="exceptions__caption" dir="auto">{t(`registration.biometrics.group.${picture.key}`)}</span>
            </div>
          );
        })}
      </div>
      <p className="exceptions__marked" data-testid={`exceptions-marked-${fieldId}`}>
        {exceptions.length === 0
          ? t('registration.biometrics.noneMarked')
          : t('registration.biometrics.marked', { list: exceptions.map((a) => t(`registration.attribute.${a}`)).join(t('registration.biometrics.markedSeparator')) })}
      </p>
    </details>
  );
}
