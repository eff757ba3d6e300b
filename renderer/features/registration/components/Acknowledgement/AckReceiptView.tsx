import { Fragment } from 'react';
import type { AckReceipt } from '../../../../../schemas/ackReceipt';
import { languageAttributes } from '../pickText';

/**
 * The acknowledgement receipt as the back end composed it (the PDF is drawn from the same
 * content), in the receipt's language whatever the UI language: tagged with its own `lang` and
 * `dir`, so an Arabic UI still shows a Portuguese receipt left to right. `.receipt` is also what
 * the print stylesheet keeps. Values are isolated (<bdi>): a RID, a date or a Latin name inside an
 * Arabic receipt keeps its own left-to-right order, as the PDF draws it.
 */
export function AckReceiptView({ receipt }: Readonly<{ receipt: AckReceipt }>) {
  const { lang, dir } = languageAttributes(receipt.language);
  return (
    <article className="receipt" lang={lang} dir={dir} aria-labelledby="receipt-title" data-testid="receipt">
      <header className="receipt__head">
        <div>
          <h2 id="receipt-title" className="receipt__title">{receipt.title}</h2>
          <p id="receipt-rid-label" className="receipt__rid-label">{receipt.rid.label}</p>
          <output className="rid receipt__rid" data-testid="rid" aria-labelledby="receipt-rid-label">{receipt.rid.value}</output>
        </div>
        <img className="receipt__qr" src={receipt.qr.pngDataUrl} alt={receipt.qr.alt} width={110} height={110} />
      </header>
      <dl className="receipt__details">
        {receipt.details.map((d) => (
          <Fragment key={d.label}>
            <dt>{d.label}</dt>
            <dd><bdi>{d.value}</bdi></dd>
          </Fragment>
        ))}
      </dl>
      <div className="receipt__sections">
        {receipt.sections.map((section, i) => (
          <section key={section.heading} className="receipt__section" aria-labelledby={`receipt-section-${i}`}>
            <h3 id={`receipt-section-${i}`}>{section.heading}</h3>
            {section.lines.length === 0 ? (
              <p>{section.none}</p>
            ) : (
              <dl>
                {section.lines.map((l, j) => (
                  <Fragment key={j}>
                    <dt>{l.label}</dt>
                    <dd><bdi>{l.value}</bdi></dd>
                  </Fragment>
                ))}
              </dl>
            )}
          </section>
        ))}
      </div>
      <p className="receipt__keep">{receipt.keep}</p>
    </article>
  );
}
