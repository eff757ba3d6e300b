import type { BioSubType, BioType, Modality } from '../../schemas/sbi';

/** How one UI modality maps to an RCAPTURE (sbi-protocol.md §1.7, §5). */
export interface ModalitySpec {
  readonly bioType: BioType;
  /** digitalId.deviceSubType of the device that captures it */
  readonly deviceSubType: string;
  readonly deviceSubId: string;
  /** every subtype this capture returns when nothing is excepted; empty for face */
  readonly subTypes: readonly BioSubType[];
  /** which quality threshold / retry setting applies */
  readonly qualityGroup: 'finger' | 'iris' | 'face';
}

export const MODALITIES: Readonly<Record<Modality, ModalitySpec>> = {
  'left-slap': { bioType: 'Finger', deviceSubType: 'Slap', deviceSubId: '1', subTypes: ['Left IndexFinger', 'Left MiddleFinger', 'Left RingFinger', 'Left LittleFinger'], qualityGroup: 'finger' },
  'right-slap': { bioType: 'Finger', deviceSubType: 'Slap', deviceSubId: '2', subTypes: ['Right IndexFinger', 'Right MiddleFinger', 'Right RingFinger', 'Right LittleFinger'], qualityGroup: 'finger' },
  thumbs: { bioType: 'Finger', deviceSubType: 'Slap', deviceSubId: '3', subTypes: ['Left Thumb', 'Right Thumb'], qualityGroup: 'finger' },
  iris: { bioType: 'Iris', deviceSubType: 'Double', deviceSubId: '3', subTypes: ['Left', 'Right'], qualityGroup: 'iris' },
  face: { bioType: 'Face', deviceSubType: 'Full face', deviceSubId: '0', subTypes: [], qualityGroup: 'face' },
  'exception-photo': { bioType: 'Face', deviceSubType: 'Full face', deviceSubId: '0', subTypes: [], qualityGroup: 'face' },
};

/** ISO/IEC 19794 format identifiers by bio type (first four bytes of the record). */
export const ISO_FORMAT_ID: Readonly<Record<BioType, string>> = { Finger: 'FIR\0', Iris: 'IIR\0', Face: 'FAC\0' };
