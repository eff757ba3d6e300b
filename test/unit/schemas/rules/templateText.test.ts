import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { templateParagraphs } from '../../../../schemas/rules/templateText';

describe('templateParagraphs', () => {
  it('turns blocks into paragraphs and drops every tag', () => {
    assert.deepEqual(
      templateParagraphs('<html><head><title>x</title></head><body><h3>Consent</h3><p>Your <b>data</b> is   kept.<br/>Ask to see it.</p><ul><li>one</li><li>two</li></ul></body></html>'),
      ['Consent', 'Your data is kept.', 'Ask to see it.', 'one', 'two'],
    );
  });

  it('never keeps script, style or event markup as text or tags', () => {
    const out = templateParagraphs('<p onclick="alert(1)">Hi</p><script>alert(2)</script><style>p{}</style><img src=x onerror="alert(3)"><!-- <p>hidden</p> -->');
    assert.deepEqual(out, ['Hi']);
  });

  it('decodes entities once, so escaped markup stays text', () => {
    assert.deepEqual(templateParagraphs('<p>S&atilde;o &amp; Tom&#233; &lt;b&gt; &#x41;&nbsp;B</p>'), ['S&atilde;o & Tomé <b> A B']);
  });

  it('is empty for a blank template', () => {
    assert.deepEqual(templateParagraphs('  <p> </p> '), []);
  });
});
