import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabelKey, patientField } from '../../../electron/core/patients/personal-data/fields';
import { formatDate } from '../format';
import { relativeTime } from './time';

/**
 * The sync screens' words for what the core reports as stable codes: the last error
 * (`network.ECONNREFUSED`, `http.503`…), why an item was refused, a record's type, a
 * patient field and its value. Unknown codes still read as a sentence, quoting the code.
 */
export function useSyncText() {
  const { t, i18n } = useTranslation();

  /** A key of the sync namespace if it holds a message (not a group of messages). */
  const known = useCallback((key: string) => i18n.exists(`sync:${key}`) && typeof i18n.getResource(i18n.language, 'sync', key) === 'string', [i18n]);

  const errorCode = useCallback(
    (code: string): string => {
      if (known(`code.${code}`)) return t(`sync:code.${code}`);
      const [group, rest] = [code.slice(0, code.indexOf('.')), code.slice(code.indexOf('.') + 1)];
      if (group === 'network') return t('sync:code.network.other', { code: rest });
      if (group === 'http') return t('sync:code.http.other', { status: rest });
      return t('sync:code.other', { code });
    },
    [t, known],
  );

  const reason = useCallback((r: string | null): string => (r && known(`reason.${r}`) ? t(`sync:reason.${r}`) : t('sync:reason.other', { reason: r ?? '?' })), [t, known]);

  const recordType = useCallback((type: string): string => (known(`type.${type}`) ? t(`sync:type.${type}`) : t('sync:type.other', { type })), [t, known]);

  const fieldLabel = useCallback((field: string): string => (known(fieldLabelKey(field)) ? t(`sync:${fieldLabelKey(field)}`) : field), [t, known]);

  /** A patient field's value as the card shows it (the field's descriptor says how): dates as dd.MM.yyyy, choices by name. */
  const fieldValue = useCallback(
    (field: string, value: string | null): string => {
      if (value === null || value === '') return '—';
      const display = patientField(field)?.display;
      if (display?.kind === 'code' && known(`value.${display.codes}.${value}`)) return t(`sync:value.${display.codes}.${value}`);
      return display?.kind === 'date' ? formatDate(value) : value;
    },
    [t, known],
  );

  const since = useCallback((iso: string, nowMs: number): string => relativeTime(iso, nowMs, i18n.language) ?? t('sync:time.justNow'), [t, i18n.language]);

  return useMemo(() => ({ errorCode, reason, recordType, fieldLabel, fieldValue, since }), [errorCode, reason, recordType, fieldLabel, fieldValue, since]);
}
