import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderNameTemplate } from './name-template.ts';

const data = {
  PlanName: 'Quarterly-Migration-Of-Databases',
  TargetVmName: 'database-server-primary',
  VmName: 'Database Server',
  DiskIndex: 1,
  RootDiskIndex: 0,
  Shared: false,
  FileName: 'db_1.vmdk',
  NetworkType: 'Pod',
};

const render = (template: string) => renderNameTemplate(template, data);

test("Forklift's default PVC template cuts plan and VM names to 15 characters", () => {
  assert.deepEqual(
    render('{{trunc 15 .PlanName}}-{{trunc 15 .TargetVmName}}-disk-{{.DiskIndex}}'),
    { value: 'Quarterly-Migra-database-server-disk-1' },
  );
});

test('the examples of the CRD render as Go renders them', () => {
  assert.deepEqual(
    render('{{if eq .DiskIndex .RootDiskIndex}}root{{else}}data{{end}}-{{.DiskIndex}}'),
    {
      value: 'data-1',
    },
  );
  assert.deepEqual(render('{{if eq .NetworkType "Pod"}}pod{{else}}multus-{{.DiskIndex}}{{end}}'), {
    value: 'pod',
  });
  assert.deepEqual(render('{{if .Shared}}shared-{{end}}{{.VmName | lower | replace " " "-"}}'), {
    value: 'database-server',
  });
  assert.deepEqual(render('{{.FileName | trimSuffix ".vmdk" | upper}}'), { value: 'DB_1' });
  assert.deepEqual(render('{{printf "%s-%03d" .TargetVmName .DiskIndex}}'), {
    value: 'database-server-primary-001',
  });
  assert.deepEqual(render('{{trunc -7 .TargetVmName}}'), { value: 'primary' });
  assert.deepEqual(render('{{if eq .DiskIndex 0}}a{{else if eq .DiskIndex 1}}b{{else}}c{{end}}'), {
    value: 'b',
  });
  assert.deepEqual(render('disk {{- " x " -}} y'), { value: 'disk x y' });
  assert.deepEqual(render('{{lower (trunc 9 .PlanName)}}'), { value: 'quarterly' });
  assert.deepEqual(render('{{/* the disk */}}disk-{{.DiskIndex}}'), { value: 'disk-1' });
  assert.deepEqual(
    render('{{if and .Shared (gt .DiskIndex 0)}}s{{else}}{{len .FileName}}{{end}}'),
    {
      value: '9',
    },
  );
});

test('what the renderer does not know is refused with its name, never guessed', () => {
  assert.deepEqual(render('{{.Missing}}'), { error: 'Template error: unknown variable .Missing' });
  assert.deepEqual(render('{{sha1sum .VmName}}'), {
    error: 'Template error: function "sha1sum" is not supported',
  });
  assert.deepEqual(render('{{range .VmName}}x{{end}}'), {
    error: 'Template error: {{range}} is not supported',
  });
  assert.deepEqual(render('{{if .Shared}}x'), { error: 'Template error: {{if}} without {{end}}' });
  assert.deepEqual(render('{{.VmName'), {
    error: 'Template error: unclosed action: "{{" without "}}"',
  });
  assert.deepEqual(render('{{$x := 1}}'), {
    error: 'Template error: template variables ($) are not supported',
  });
  assert.deepEqual(render('{{trunc .VmName 3}}'), {
    error: 'Template error: trunc wants a number, got Database Server',
  });
  assert.deepEqual(render('{{eq .DiskIndex "1"}}'), {
    error: 'Template error: eq: incompatible types for comparison',
  });
});
