import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from './xml.ts';

const LISTS = new Set(['propSet', 'ManagedObjectReference']);

describe('parseXml', () => {
  test('reads a vim25 property set the way the property collector expects it', () => {
    // Abridged from a vcsim RetrievePropertiesEx response, prefixes and all.
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
      '<objects><obj type="VirtualMachine">vm-119</obj>' +
      '<propSet><name>name</name><val xmlns:XMLSchema-instance="http://www.w3.org/2001/XMLSchema-instance" XMLSchema-instance:type="xsd:string">DC0_C0_RP0_VM0</val></propSet>' +
      '<propSet><name>network</name><val xmlns:XMLSchema-instance="http://www.w3.org/2001/XMLSchema-instance" XMLSchema-instance:type="ArrayOfManagedObjectReference"><ManagedObjectReference type="DistributedVirtualPortgroup">dvportgroup-13</ManagedObjectReference></val></propSet>' +
      '<propSet><name>availableField</name><val xsi:type="ArrayOfCustomFieldDef"></val></propSet>' +
      '</objects></soapenv:Body></soapenv:Envelope>';
    const ns = 'http://www.w3.org/2001/XMLSchema-instance';
    assert.deepEqual(parseXml(xml, LISTS), {
      Envelope: {
        '@_xmlns:soapenv': 'http://schemas.xmlsoap.org/soap/envelope/',
        Body: {
          objects: {
            obj: { '@_type': 'VirtualMachine', '#text': 'vm-119' },
            propSet: [
              {
                name: 'name',
                val: {
                  '@_xmlns:XMLSchema-instance': ns,
                  '@_xsi:type': 'xsd:string',
                  '#text': 'DC0_C0_RP0_VM0',
                },
              },
              {
                name: 'network',
                val: {
                  '@_xmlns:XMLSchema-instance': ns,
                  '@_xsi:type': 'ArrayOfManagedObjectReference',
                  ManagedObjectReference: [
                    { '@_type': 'DistributedVirtualPortgroup', '#text': 'dvportgroup-13' },
                  ],
                },
              },
              { name: 'availableField', val: { '@_xsi:type': 'ArrayOfCustomFieldDef' } },
            ],
          },
        },
      },
    });
  });

  test('a leaf is its text, an empty element is empty text, a repeated tag is a list', () => {
    assert.deepEqual(parseXml('<a><b>x</b><c/><d></d><b>y</b><e k="1"/></a>'), {
      a: { b: ['x', 'y'], c: '', d: '', e: { '@_k': '1' } },
    });
    assert.deepEqual(parseXml('<a><propSet/></a>', LISTS), { a: { propSet: [''] } });
  });

  test('whitespace around text and between tags is not content', () => {
    assert.deepEqual(parseXml('<a>\n  <b>  spaced out \n</b>\n  <c k=" v "> t </c>\n</a>\n'), {
      a: { b: 'spaced out', c: { '@_k': 'v', '#text': 't' } },
    });
    assert.deepEqual(parseXml('<a k="1">  </a>'), { a: { '@_k': '1' } });
  });

  test('text beside children is kept as #text', () => {
    assert.deepEqual(parseXml('<a>pre<b>x</b> post</a>'), { a: { b: 'x', '#text': 'prepost' } });
  });

  test('decodes predefined entities and character references once', () => {
    assert.deepEqual(
      parseXml(`<a k="&lt;&#34;&gt;">&lt;&gt;&amp;&quot;&apos; &#39;&#x41;&#128512; &amp;lt;</a>`),
      { a: { '@_k': '<">', '#text': `<>&"' 'A😀 &lt;` } },
    );
  });

  test('CDATA is text as written; comments and processing instructions are skipped', () => {
    assert.deepEqual(parseXml('<a><!-- a > b --><?pi x?><b><![CDATA[ <x> &amp; ]]></b></a>'), {
      a: { b: ' <x> &amp; ' },
    });
  });

  test('names an object inherits are ordinary tag names', () => {
    assert.deepEqual(
      parseXml('<a><constructor>x</constructor><toString>1</toString><toString>2</toString></a>'),
      { a: { constructor: 'x', toString: ['1', '2'] } },
    );
  });

  test('an attribute of any prefix named type is the xsi:type; an unprefixed type stays', () => {
    assert.deepEqual(parseXml('<a q:type="xsd:int" type="Folder">1</a>'), {
      a: { '@_xsi:type': 'xsd:int', '@_type': 'Folder', '#text': '1' },
    });
  });

  for (const [xml, message] of [
    ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /DOCTYPE/],
    ['<a><b>x</b>', /<a> is not closed/],
    ['<a><b>x</c></a>', /<\/c> does not close <b>/],
    ['<a><b>x</bb></a>', /<\/bb> does not close <b>/],
    ['<a></a></b>', /without an open tag/],
    ['<a>x & y</a>', /malformed entity reference/],
    ['<a>&nbsp;</a>', /malformed entity reference/],
    ['<a>&#0;</a>', /not a character XML allows/],
    ['<a k>x</a>', /attribute k of <a> has no value/],
    ['<a k=v>x</a>', /not quoted/],
    ['<a k="v>x</a>', /unterminated attribute/],
    ['<a', /unterminated tag/],
    ['<a/><b/>', /more than one root element/],
    ['text', /text outside the root element/],
    ['', /no root element/],
    ['<a><__proto__>x</__proto__></a>', /__proto__/],
    ['<a><![CDATA[x</a>', /unterminated CDATA/],
  ] as const) {
    test(`refuses ${JSON.stringify(xml)}`, () => {
      assert.throws(() => parseXml(xml), message);
    });
  }
});
