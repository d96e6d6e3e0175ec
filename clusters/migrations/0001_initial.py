"""The clusters app's tables. They replace the migrations of before (listed in `replaces`, but for
their 0001_initial: the same name, recorded already): a database they migrated has all of this
already and takes this one as applied."""

import django.db.models.deletion
import emulation.bounds
import emulation.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("clusters", "0002_initial"),
        ("clusters", "0003_cluster_version"),
        ("clusters", "0003_scale_score_cluster_year_index"),
        ("clusters", "0004_merge_cluster_version_score_index"),
        ("clusters", "0005_truth_women_first_and_sources"),
        ("clusters", "0006_year_bounds"),
        ("clusters", "0007_cluster_year_data_version"),
    ]

    dependencies = [
        ('emulation', '0001_initial'),
        ('units', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CriterionGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=10, verbose_name='số TT')),
                ('title', models.CharField(max_length=300, verbose_name='tên nhóm')),
                ('kind', models.CharField(choices=[('capped', 'Nhóm tiêu chí'), ('bonus', 'Điểm thưởng'), ('penalty', 'Điểm trừ')], default='capped', max_length=10, verbose_name='loại')),
                ('max_points', models.DecimalField(decimal_places=2, max_digits=6, verbose_name='điểm tối đa')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='thứ tự')),
            ],
            options={
                'verbose_name': 'nhóm tiêu chí',
                'verbose_name_plural': 'nhóm tiêu chí',
                'ordering': ['order', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Cluster',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveSmallIntegerField(verbose_name='số')),
                ('name', emulation.fields.VietnameseCharField(max_length=200, verbose_name='tên')),
                ('kind', models.CharField(choices=[('cum', 'Cụm thi đua'), ('khoi', 'Khối thi đua')], default='cum', max_length=4, verbose_name='loại')),
                ('description', models.TextField(blank=True, verbose_name='mô tả')),
                ('version', models.PositiveIntegerField(default=1)),
                ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='clusters', to='emulation.ministry', verbose_name='bộ, ngành')),
            ],
            options={
                'verbose_name': 'cụm thi đua',
                'verbose_name_plural': 'cụm thi đua',
                'ordering': ['ministry', 'kind', 'number'],
            },
        ),
        migrations.CreateModel(
            name='ClusterYear',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(validators=[emulation.bounds.validate_year], verbose_name='năm')),
                ('data_version', models.PositiveIntegerField(default=0, editable=False)),
                ('cluster', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='years', to='clusters.cluster', verbose_name='cụm')),
                ('emulation_year', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='cluster_years', to='emulation.emulationyear')),
            ],
            options={
                'verbose_name': 'năm thi đua của cụm',
                'verbose_name_plural': 'năm thi đua của cụm',
                'ordering': ['cluster', '-year'],
            },
        ),
        migrations.CreateModel(
            name='Criterion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=10, verbose_name='số TT')),
                ('text', models.TextField(verbose_name='tiêu chí')),
                ('max_points', models.DecimalField(decimal_places=2, max_digits=6, verbose_name='điểm chuẩn')),
                ('evidence_required', models.BooleanField(default=False, verbose_name='bắt buộc minh chứng')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='thứ tự')),
                ('group', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='criteria', to='clusters.criteriongroup')),
            ],
            options={
                'verbose_name': 'tiêu chí',
                'verbose_name_plural': 'tiêu chí',
                'ordering': ['order', 'id'],
            },
        ),
        migrations.CreateModel(
            name='CriterionLevel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('label', models.CharField(max_length=200, verbose_name='mức')),
                ('points', models.DecimalField(decimal_places=2, max_digits=6, verbose_name='điểm')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='thứ tự')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='levels', to='clusters.criterion')),
            ],
            options={
                'ordering': ['order', 'id'],
            },
        ),
        migrations.CreateModel(
            name='LeadershipTerm',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('head_name', models.CharField(max_length=100, verbose_name='họ tên Cụm trưởng')),
                ('head_position', models.CharField(max_length=150, verbose_name='chức vụ Cụm trưởng')),
                ('deputy_name', models.CharField(max_length=100, verbose_name='họ tên Cụm phó')),
                ('deputy_position', models.CharField(max_length=150, verbose_name='chức vụ Cụm phó')),
                ('selection', models.CharField(choices=[('rotation', 'Luân phiên'), ('election', 'Bầu tại hội nghị'), ('appointment', 'Chỉ định')], default='rotation', max_length=20, verbose_name='cách chọn')),
                ('decision_number', models.CharField(blank=True, max_length=50, verbose_name='số quyết định')),
                ('decision_date', models.DateField(blank=True, null=True, verbose_name='ngày quyết định')),
                ('announced_on', models.DateField(blank=True, null=True, verbose_name='ngày công bố tại hội nghị')),
                ('note', models.TextField(blank=True, verbose_name='ghi chú')),
                ('version', models.PositiveIntegerField(default=1)),
                ('cluster_year', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='leadership', to='clusters.clusteryear')),
                ('deputy_unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='deputy_terms', to='units.unit', verbose_name='đơn vị Cụm phó')),
                ('head_unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='head_terms', to='units.unit', verbose_name='đơn vị Cụm trưởng')),
            ],
            options={
                'verbose_name': 'Cụm trưởng, Cụm phó',
                'verbose_name_plural': 'Cụm trưởng, Cụm phó',
            },
        ),
        migrations.CreateModel(
            name='Membership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('joined_on', models.DateField(blank=True, null=True, verbose_name='ngày tham gia')),
                ('cluster_year', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='clusters.clusteryear')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='memberships', to='units.unit', verbose_name='đơn vị')),
            ],
            options={
                'verbose_name': 'thành viên cụm',
                'verbose_name_plural': 'thành viên cụm',
            },
        ),
        migrations.AddField(
            model_name='clusteryear',
            name='units',
            field=models.ManyToManyField(related_name='cluster_years', through='clusters.Membership', to='units.unit'),
        ),
        migrations.CreateModel(
            name='Minutes',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('held_on', models.DateField(verbose_name='ngày họp')),
                ('place', models.CharField(max_length=200, verbose_name='địa điểm')),
                ('chair_name', models.CharField(max_length=100, verbose_name='chủ trì')),
                ('chair_position', models.CharField(blank=True, max_length=150, verbose_name='chức vụ chủ trì')),
                ('secretary_name', models.CharField(max_length=100, verbose_name='thư ký')),
                ('agenda', models.TextField(blank=True, verbose_name='chương trình')),
                ('state', models.CharField(choices=[('draft', 'Dự thảo'), ('signed', 'Đã ký')], default='draft', max_length=10, verbose_name='trạng thái')),
                ('signed_at', models.DateTimeField(blank=True, null=True, verbose_name='ký lúc')),
                ('version', models.PositiveIntegerField(default=1)),
                ('cluster_year', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='minutes', to='clusters.clusteryear')),
                ('signed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'biên bản họp',
                'verbose_name_plural': 'biên bản họp',
            },
        ),
        migrations.CreateModel(
            name='MinutesAttendance',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('present', models.BooleanField(default=True, verbose_name='có mặt')),
                ('representative_name', models.CharField(blank=True, max_length=100, verbose_name='người đại diện')),
                ('representative_position', models.CharField(blank=True, max_length=150, verbose_name='chức vụ')),
                ('minutes', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attendance', to='clusters.minutes')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='units.unit')),
            ],
        ),
        migrations.CreateModel(
            name='Pledge',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('state', models.CharField(choices=[('draft', 'Dự thảo'), ('open', 'Đang ký'), ('signed', 'Đã ký đủ'), ('locked', 'Đã khóa')], default='draft', max_length=10, verbose_name='trạng thái')),
                ('signed_at_place', models.CharField(blank=True, max_length=200, verbose_name='địa điểm ký')),
                ('conference_date', models.DateField(blank=True, null=True, verbose_name='ngày hội nghị ký kết')),
                ('note', models.TextField(blank=True, help_text='Ví dụ: phần nào theo văn bản gốc, phần nào là số liệu minh họa.', verbose_name='ghi chú về nguồn số liệu')),
                ('version', models.PositiveIntegerField(default=1)),
                ('cluster_year', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='pledge', to='clusters.clusteryear')),
            ],
            options={
                'verbose_name': 'giao ước thi đua',
                'verbose_name_plural': 'giao ước thi đua',
            },
        ),
        migrations.CreateModel(
            name='Commitment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(verbose_name='thứ tự')),
                ('text', models.TextField(verbose_name='nội dung')),
                ('pledge', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='commitments', to='clusters.pledge')),
            ],
            options={
                'verbose_name': 'nội dung giao ước',
                'verbose_name_plural': 'nội dung giao ước',
                'ordering': ['order', 'id'],
            },
        ),
        migrations.CreateModel(
            name='PledgeSignature',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('signer_name', models.CharField(max_length=100, verbose_name='người ký')),
                ('signer_position', models.CharField(max_length=150, verbose_name='chức vụ')),
                ('signed_on', models.DateField(verbose_name='ngày ký')),
                ('pledge', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='signatures', to='clusters.pledge')),
                ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='units.unit', verbose_name='đơn vị')),
            ],
            options={
                'verbose_name': 'chữ ký giao ước',
                'verbose_name_plural': 'chữ ký giao ước',
            },
        ),
        migrations.CreateModel(
            name='RotationPolicy',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('method', models.CharField(choices=[('rotation', 'Luân phiên theo thứ tự'), ('deputy', 'Cụm phó năm nay làm Cụm trưởng năm sau'), ('election', 'Bầu tại hội nghị'), ('appointment', 'Cấp trên chỉ định')], default='rotation', max_length=20, verbose_name='cách chọn')),
                ('no_repeat_years', models.PositiveSmallIntegerField(default=0, verbose_name='không làm Cụm trưởng lại trong (năm)')),
                ('version', models.PositiveIntegerField(default=1)),
                ('cluster', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='rotation', to='clusters.cluster')),
            ],
            options={
                'verbose_name': 'quy chế luân phiên',
                'verbose_name_plural': 'quy chế luân phiên',
            },
        ),
        migrations.CreateModel(
            name='RotationSlot',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField(verbose_name='thứ tự')),
                ('policy', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='slots', to='clusters.rotationpolicy')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='units.unit')),
            ],
            options={
                'ordering': ['position'],
            },
        ),
        migrations.CreateModel(
            name='Score',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('self_score', models.DecimalField(blank=True, decimal_places=2, max_digits=6, null=True, verbose_name='điểm tự chấm')),
                ('agreed_score', models.DecimalField(blank=True, decimal_places=2, max_digits=6, null=True, verbose_name='điểm cụm chấm')),
                ('comment', models.TextField(blank=True, verbose_name='nhận xét')),
                ('version', models.PositiveIntegerField(default=1)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('cluster_year', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='scores', to='clusters.clusteryear')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='scores', to='clusters.criterion')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='units.unit')),
                ('updated_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'điểm',
                'verbose_name_plural': 'điểm',
            },
        ),
        migrations.CreateModel(
            name='Evidence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(upload_to='evidence/%Y/', verbose_name='tệp')),
                ('original_name', models.CharField(max_length=255, verbose_name='tên tệp')),
                ('content_type', models.CharField(max_length=100)),
                ('size', models.PositiveIntegerField()),
                ('uploaded_at', models.DateTimeField(auto_now_add=True)),
                ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('score', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='clusters.score')),
            ],
            options={
                'verbose_name': 'tài liệu minh chứng',
                'verbose_name_plural': 'tài liệu minh chứng',
            },
        ),
        migrations.CreateModel(
            name='ScoringTable',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(validators=[emulation.bounds.validate_year], verbose_name='năm')),
                ('name', models.CharField(max_length=200, verbose_name='tên bảng')),
                ('version', models.PositiveIntegerField(default=1)),
                ('cluster', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='scoring_tables', to='clusters.cluster', verbose_name='riêng cho cụm')),
                ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scoring_tables', to='emulation.ministry')),
            ],
            options={
                'verbose_name': 'bảng tiêu chí chấm điểm',
                'verbose_name_plural': 'bảng tiêu chí chấm điểm',
                'ordering': ['ministry', '-year', 'cluster'],
            },
        ),
        migrations.AddField(
            model_name='criteriongroup',
            name='table',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='groups', to='clusters.scoringtable'),
        ),
        migrations.CreateModel(
            name='TitleRegistration',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('person_name', models.CharField(blank=True, help_text='Để trống nếu là tập thể.', max_length=100, verbose_name='họ tên cá nhân')),
                ('award_title', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='emulation.awardtitle', verbose_name='danh hiệu đăng ký')),
                ('pledge', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='registrations', to='clusters.pledge')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='units.unit', verbose_name='đơn vị')),
            ],
            options={
                'verbose_name': 'đăng ký danh hiệu',
                'verbose_name_plural': 'đăng ký danh hiệu',
                'ordering': ['unit__name', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Vote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('state', models.CharField(choices=[('open', 'Đang kiểm phiếu'), ('closed', 'Đã kết thúc')], default='open', max_length=10, verbose_name='trạng thái')),
                ('voters_entitled', models.PositiveSmallIntegerField(verbose_name='số thành viên có quyền bỏ phiếu')),
                ('ballots_cast', models.PositiveSmallIntegerField(default=0, verbose_name='số phiếu phát ra')),
                ('valid_ballots', models.PositiveSmallIntegerField(default=0, verbose_name='số phiếu hợp lệ')),
                ('quota', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='số lượng được suy tôn')),
                ('tie_break_note', models.TextField(blank=True, verbose_name='quyết định của chủ trì khi bằng phiếu')),
                ('note', models.TextField(blank=True, verbose_name='ghi chú về nguồn số liệu')),
                ('version', models.PositiveIntegerField(default=1)),
                ('award_title', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='emulation.awardtitle', verbose_name='danh hiệu suy tôn')),
                ('cluster_year', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='votes', to='clusters.clusteryear')),
            ],
            options={
                'verbose_name': 'bỏ phiếu suy tôn',
                'verbose_name_plural': 'bỏ phiếu suy tôn',
            },
        ),
        migrations.CreateModel(
            name='VoteCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('votes', models.PositiveSmallIntegerField(default=0, verbose_name='số phiếu')),
                ('nominated', models.BooleanField(default=False, verbose_name='được suy tôn')),
                ('won_tie_break', models.BooleanField(default=False, verbose_name='được chọn khi bằng phiếu')),
                ('won_women_first', models.BooleanField(default=False, verbose_name='được ưu tiên khi bằng phiếu (tập thể có từ 70% nữ)')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='units.unit')),
                ('vote', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='counts', to='clusters.vote')),
            ],
        ),
        migrations.AddConstraint(
            model_name='cluster',
            constraint=models.UniqueConstraint(fields=('ministry', 'kind', 'number'), name='cluster_number_per_ministry'),
        ),
        migrations.AddConstraint(
            model_name='leadershipterm',
            constraint=models.CheckConstraint(condition=models.Q(('head_unit', models.F('deputy_unit')), _negated=True), name='head_and_deputy_differ'),
        ),
        migrations.AddConstraint(
            model_name='membership',
            constraint=models.UniqueConstraint(fields=('cluster_year', 'unit'), name='one_membership'),
        ),
        migrations.AddConstraint(
            model_name='clusteryear',
            constraint=models.UniqueConstraint(fields=('cluster', 'year'), name='one_cluster_year'),
        ),
        migrations.AddConstraint(
            model_name='minutesattendance',
            constraint=models.UniqueConstraint(fields=('minutes', 'unit'), name='one_attendance_per_unit'),
        ),
        migrations.AddConstraint(
            model_name='pledgesignature',
            constraint=models.UniqueConstraint(fields=('pledge', 'unit'), name='one_signature_per_unit'),
        ),
        migrations.AddConstraint(
            model_name='rotationslot',
            constraint=models.UniqueConstraint(fields=('policy', 'unit'), name='one_slot_per_unit'),
        ),
        migrations.AddConstraint(
            model_name='score',
            constraint=models.UniqueConstraint(fields=('cluster_year', 'unit', 'criterion'), name='one_score_per_cell'),
        ),
        migrations.AddConstraint(
            model_name='scoringtable',
            constraint=models.UniqueConstraint(fields=('ministry', 'year', 'cluster'), name='one_table_per_scope'),
        ),
        migrations.AddConstraint(
            model_name='scoringtable',
            constraint=models.UniqueConstraint(condition=models.Q(('cluster__isnull', True)), fields=('ministry', 'year'), name='one_ministry_table_per_year'),
        ),
        migrations.AddConstraint(
            model_name='vote',
            constraint=models.UniqueConstraint(fields=('cluster_year', 'award_title'), name='one_vote_per_title'),
        ),
        migrations.AddConstraint(
            model_name='votecount',
            constraint=models.UniqueConstraint(fields=('vote', 'unit'), name='one_count_per_unit'),
        ),
    ]
