import { IdSchemaJson } from '../registrationIdSchema';
import { RegistrationProcess } from '../registration';
import { AgeGroupConfig, DemoMasterData, ProcessSpec, RegistrationFormBundle, UiMessages } from '../uiSpec';
import ageGroupsJson from './stp/ageGroups.json';
import biometricCorrectionJson from './stp/biometricCorrectionProcess.json';
import crvsDeathJson from './stp/crvsDeathProcess.json';
import crvsNewJson from './stp/crvsNewProcess.json';
import idSchemaJson from './stp/idSchema.json';
import lostJson from './stp/lostProcess.json';
import masterDataJson from './stp/masterData.json';
import newJson from './stp/newProcess.json';
import uiMessagesJson from './stp/uiMessages.json';
import updateJson from './stp/updateProcess.json';

/**
 * Demo specs for São Tomé e Príncipe, kept as MOSIP JSON under `schemas/data/stp/` so they can be
 * replaced by the synced ones unchanged. Each loader parses with the zod shapes, so a broken edit
 * to the JSON fails at load (and in the test), never at render time.
 */

/**
 * The STP demo ID schema (derived from MOSIP's sample; zone/postalCode removed, consent and preferredLang added).
 * `fullName` takes 3 to 128 characters, not the sample's 50: São Tomé names often carry several
 * surnames ("Maria da Conceição Quaresma dos Santos Bragança Trovoada" is 56), and 128 is the width
 * MOSIP's own server stores a name in (mosip/registration db_scripts/mosip_regprc/ddl/
 * regprc-individual_demographic_dedup.sql, `name character varying(128)`). The UI specs match it.
 */
export function loadStpIdSchema(): IdSchemaJson {
  return IdSchemaJson.parse(idSchemaJson);
}

const PROCESS_JSON: Readonly<Record<RegistrationProcess, unknown>> = {
  NEW: newJson,
  UPDATE: updateJson,
  LOST: lostJson,
  BIOMETRIC_CORRECTION: biometricCorrectionJson,
  CRVS_NEW: crvsNewJson,
  CRVS_DEATH: crvsDeathJson,
};

/** One STP demo process spec. */
export function loadStpProcessSpec(process: RegistrationProcess): ProcessSpec {
  return ProcessSpec.parse(PROCESS_JSON[process]);
}

/** The demo master data: STP locations (regions, districts) and dropdown values. */
export function loadStpMasterData(): DemoMasterData {
  return DemoMasterData.parse(masterDataJson);
}

/** Messages for the demo validators' `errorCode`s and the generic rules, in por/eng/fra. */
export function loadStpUiMessages(): UiMessages {
  return UiMessages.parse(uiMessagesJson);
}

/** MOSIP's default age groups (`mosip.regproc.packet.classifier.tagging.agegroup.ranges`). */
export function loadDefaultAgeGroups(): AgeGroupConfig {
  return AgeGroupConfig.parse(ageGroupsJson);
}

/** Everything at once, processes in their `order`. */
export function loadStpFormBundle(): RegistrationFormBundle {
  const processes = RegistrationProcess.options.map(loadStpProcessSpec);
  return RegistrationFormBundle.parse({
    idSchema: loadStpIdSchema(),
    processes: [...processes].sort((a, b) => a.order - b.order),
    ageGroups: loadDefaultAgeGroups(),
    messages: loadStpUiMessages(),
    masterData: loadStpMasterData(),
  });
}
