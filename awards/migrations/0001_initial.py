"""The awards app's tables. They replace the migrations of before (listed in `replaces`;
`0001_proposals` included): a database they migrated has all of this
already and takes this one as applied."""

import django.db.models.deletion
import emulation.bounds
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("awards", "0001_proposals"),
        ("awards", "0002_ranking_rank_tied"),
        ("awards", "0003_levels_council_upward"),
        ("awards", "0004_rules_revocation"),
        ("awards", "0005_safe_decision_ministry_and_year"),
        ("awards", "0006_safe_decision_number_per_body_and_year"),
        ("awards", "0007_council_women_first"),
        ("awards", "0008_year_bounds"),
    ]

    dependencies = [
        ('clusters', '0001_initial'),
        ('emulation', '0001_initial'),
        ('units', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Council',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(default='Hội đồng Thi đua - Khen thưởng', max_length=200, verbose_name='tên')),
                ('quorum_percent', models.PositiveSmallIntegerField(default=50, help_text='Theo quy chế hoạt động của Hội đồng (cấu hình được): số thành viên có mặt trên tổng số thành viên theo danh sách tại ngày họp.', verbose_name='tỷ lệ thành viên dự họp tối thiểu (%)')),
                ('ministry', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='council', to='emulation.ministry', verbose_name='bộ')),
            ],
            options={
                'verbose_name': 'hội đồng thi đua - khen thưởng',
                'verbose_name_plural': 'hội đồng thi đua - khen thưởng',
            },
        ),
        migrations.CreateModel(
            name='CouncilMeeting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('held_on', models.DateField(verbose_name='ngày họp')),
                ('place', models.CharField(blank=True, max_length=200, verbose_name='địa điểm')),
                ('minutes_text', models.TextField(blank=True, verbose_name='nội dung biên bản')),
                ('chair_choice_note', models.TextField(blank=True, verbose_name='ý kiến quyết định của Chủ tịch Hội đồng')),
                ('state', models.CharField(choices=[('open', 'Đang họp'), ('closed', 'Đã kết thúc, biên bản đã chốt')], default='open', max_length=8, verbose_name='trạng thái')),
                ('roster_size', models.PositiveSmallIntegerField(default=0, verbose_name='tổng số thành viên tại ngày họp')),
                ('version', models.PositiveIntegerField(default=1)),
                ('council', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='awards.council')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'phiên họp hội đồng',
                'verbose_name_plural': 'phiên họp hội đồng',
                'ordering': ['-held_on', '-id'],
            },
        ),
        migrations.CreateModel(
            name='CouncilMember',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('full_name', models.CharField(max_length=100, verbose_name='họ và tên')),
                ('position', models.CharField(max_length=200, verbose_name='chức vụ')),
                ('role', models.CharField(choices=[('chair', 'Chủ tịch'), ('vice_chair', 'Phó Chủ tịch'), ('member', 'Ủy viên')], max_length=12, verbose_name='vai trò trong hội đồng')),
                ('term_start', models.DateField(verbose_name='từ ngày')),
                ('term_end', models.DateField(blank=True, null=True, verbose_name='đến ngày')),
                ('council', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='members', to='awards.council')),
            ],
            options={
                'verbose_name': 'thành viên hội đồng',
                'verbose_name_plural': 'thành viên hội đồng',
                'ordering': ['council', 'term_start', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Decision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('level', models.CharField(choices=[('unit_head', 'Thủ trưởng đơn vị'), ('minister', 'Bộ trưởng'), ('prime_minister', 'Thủ tướng Chính phủ'), ('president', 'Chủ tịch nước')], default='minister', max_length=20, verbose_name='cấp quyết định')),
                ('number', models.CharField(max_length=50, verbose_name='số quyết định')),
                ('dated', models.DateField(verbose_name='ngày quyết định')),
                ('year', models.PositiveSmallIntegerField(validators=[emulation.bounds.validate_year], verbose_name='năm ban hành')),
                ('signer_name', models.CharField(max_length=100, verbose_name='người ký')),
                ('signer_position', models.CharField(blank=True, max_length=150, verbose_name='chức vụ người ký')),
                ('recorded_at', models.DateTimeField(auto_now_add=True)),
                ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='emulation.ministry', verbose_name='cơ quan ban hành')),
                ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'quyết định khen thưởng',
                'verbose_name_plural': 'quyết định khen thưởng',
                'ordering': ['-dated', '-id'],
            },
        ),
        migrations.CreateModel(
            name='Nomination',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('achievements', models.TextField(verbose_name='tóm tắt thành tích')),
                ('vote_share', models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, verbose_name='tỷ lệ phiếu bầu (%)')),
                ('rank', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='xếp hạng')),
                ('rank_tied', models.BooleanField(default=False, verbose_name='bằng điểm với đơn vị khác')),
                ('report_file', models.FileField(blank=True, upload_to='reports/%Y/', verbose_name='báo cáo thành tích')),
                ('report_name', models.CharField(blank=True, max_length=255)),
                ('report_content_type', models.CharField(blank=True, max_length=100)),
                ('outcome', models.CharField(choices=[('pending', 'Chờ xét'), ('approved', 'Đồng ý'), ('rejected', 'Không đồng ý')], default='pending', max_length=10, verbose_name='kết quả xét duyệt')),
                ('outcome_reason', models.TextField(blank=True, verbose_name='lý do')),
                ('council_members', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='tổng số thành viên hội đồng')),
                ('council_votes_for', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='số phiếu đồng ý')),
                ('version', models.PositiveIntegerField(default=1)),
                ('award_title', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='emulation.awardtitle', verbose_name='đề nghị tặng')),
                ('person', models.ForeignKey(blank=True, help_text='Để trống nếu đề nghị cho tập thể.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='nominations', to='units.person', verbose_name='cá nhân')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='units.unit', verbose_name='đơn vị')),
            ],
            options={
                'verbose_name': 'dòng đề nghị',
                'verbose_name_plural': 'dòng đề nghị',
                'ordering': ['proposal', 'award_title__order', 'rank', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Award',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(validators=[emulation.bounds.validate_year], verbose_name='năm thành tích')),
                ('amount', models.DecimalField(blank=True, decimal_places=0, max_digits=14, null=True, verbose_name='tiền thưởng (đồng)')),
                ('amount_note', models.CharField(blank=True, max_length=300, verbose_name='ghi chú tiền thưởng')),
                ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='thu hồi lúc')),
                ('revoked_reason', models.TextField(blank=True, verbose_name='lý do thu hồi')),
                ('revoking_number', models.CharField(blank=True, max_length=50, verbose_name='số quyết định thu hồi')),
                ('revoking_dated', models.DateField(blank=True, null=True, verbose_name='ngày quyết định thu hồi')),
                ('recover_amount', models.DecimalField(blank=True, decimal_places=0, max_digits=14, null=True, verbose_name='số tiền thưởng phải thu hồi (đồng)')),
                ('award_title', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='emulation.awardtitle')),
                ('person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='awards', to='units.person')),
                ('revoked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='awards', to='units.unit')),
                ('decision', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='awards', to='awards.decision')),
                ('nomination', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='award', to='awards.nomination')),
            ],
            options={
                'verbose_name': 'khen thưởng',
                'verbose_name_plural': 'khen thưởng',
                'ordering': ['-year', 'award_title__order', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Proposal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.CharField(blank=True, max_length=50, verbose_name='số tờ trình')),
                ('dated', models.DateField(blank=True, null=True, verbose_name='ngày tờ trình')),
                ('state', models.CharField(choices=[('draft', 'Dự thảo'), ('submitted', 'Đã gửi'), ('in_review', 'Đang xét duyệt'), ('returned', 'Bị trả lại'), ('resubmitted', 'Đã gửi lại'), ('decided', 'Đã có quyết định')], default='draft', max_length=12, verbose_name='trạng thái')),
                ('cover_file', models.FileField(blank=True, upload_to='proposals/%Y/', verbose_name='tờ trình (tệp)')),
                ('cover_name', models.CharField(blank=True, max_length=255)),
                ('cover_content_type', models.CharField(blank=True, max_length=100)),
                ('return_reason', models.TextField(blank=True, verbose_name='lý do trả lại')),
                ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='gửi lúc')),
                ('version', models.PositiveIntegerField(default=1)),
                ('cluster_year', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='proposal', to='clusters.clusteryear', verbose_name='cụm, năm')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('minutes', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='clusters.minutes', verbose_name='biên bản họp')),
            ],
            options={
                'verbose_name': 'hồ sơ đề nghị khen thưởng',
                'verbose_name_plural': 'hồ sơ đề nghị khen thưởng',
                'ordering': ['-cluster_year__year', 'cluster_year__cluster__number'],
            },
        ),
        migrations.AddField(
            model_name='nomination',
            name='proposal',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='nominations', to='awards.proposal'),
        ),
        migrations.AddField(
            model_name='decision',
            name='proposal',
            field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='decision', to='awards.proposal', verbose_name='hồ sơ'),
        ),
        migrations.CreateModel(
            name='UpwardDossier',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('level', models.CharField(choices=[('prime_minister', 'Thủ tướng Chính phủ'), ('president', 'Chủ tịch nước')], max_length=20, verbose_name='cấp quyết định')),
                ('year', models.PositiveSmallIntegerField(validators=[emulation.bounds.validate_year], verbose_name='năm thành tích')),
                ('number', models.CharField(blank=True, max_length=50, verbose_name='số tờ trình')),
                ('dated', models.DateField(blank=True, null=True, verbose_name='ngày tờ trình')),
                ('state', models.CharField(choices=[('draft', 'Đang lập'), ('forwarded', 'Đã trình Bộ Nội vụ'), ('returned', 'Bị trả lại'), ('resubmitted', 'Đã trình lại'), ('decided', 'Đã có quyết định'), ('refused', 'Không được khen thưởng')], default='draft', max_length=12, verbose_name='trạng thái')),
                ('return_reason', models.TextField(blank=True, verbose_name='lý do trả lại')),
                ('refusal_reason', models.TextField(blank=True, verbose_name='lý do không khen thưởng')),
                ('version', models.PositiveIntegerField(default=1)),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='upward_dossiers', to='emulation.ministry', verbose_name='bộ')),
            ],
            options={
                'verbose_name': 'hồ sơ trình Bộ Nội vụ',
                'verbose_name_plural': 'hồ sơ trình Bộ Nội vụ',
                'ordering': ['-year', '-id'],
            },
        ),
        migrations.AddField(
            model_name='nomination',
            name='upward_dossier',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='lines', to='awards.upwarddossier', verbose_name='hồ sơ trình Bộ Nội vụ'),
        ),
        migrations.AddField(
            model_name='decision',
            name='upward_dossier',
            field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='decision', to='awards.upwarddossier', verbose_name='hồ sơ trình Bộ Nội vụ'),
        ),
        migrations.CreateModel(
            name='MeetingAttendance',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('present', 'Có mặt'), ('written', 'Vắng, có phiếu bằng văn bản'), ('absent', 'Vắng, không có phiếu')], default='present', max_length=8, verbose_name='tham dự')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attendance', to='awards.councilmeeting')),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='awards.councilmember')),
            ],
            options={
                'ordering': ['meeting', 'member__term_start', 'member_id'],
                'constraints': [models.UniqueConstraint(fields=('meeting', 'member'), name='one_attendance_per_member')],
            },
        ),
        migrations.CreateModel(
            name='MeetingLine',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('votes_present_for', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='phiếu đồng ý của thành viên có mặt')),
                ('votes_written_for', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='phiếu đồng ý bằng văn bản')),
                ('chair_choice', models.BooleanField(default=False, verbose_name='được Chủ tịch Hội đồng chọn')),
                ('women_first', models.BooleanField(default=False, verbose_name='đạt nhờ ưu tiên nữ khi bằng phiếu')),
                ('result', models.CharField(choices=[('pending', 'Chưa biểu quyết'), ('passed', 'Đạt'), ('failed', 'Không đạt ngưỡng'), ('outranked', 'Đạt ngưỡng nhưng vượt số lượng'), ('tie', 'Bằng phiếu: chờ Chủ tịch Hội đồng quyết định')], default='pending', max_length=10, verbose_name='kết quả')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='lines', to='awards.councilmeeting')),
                ('nomination', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='meeting_lines', to='awards.nomination')),
            ],
            options={
                'ordering': ['meeting', 'nomination__award_title__order', 'nomination_id'],
                'constraints': [models.UniqueConstraint(fields=('meeting', 'nomination'), name='one_meeting_line_per_nomination')],
            },
        ),
        migrations.CreateModel(
            name='SentReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('pledge', 'Ký giao ước'), ('scores', 'Chấm điểm'), ('proposal', 'Gửi hồ sơ khen thưởng')], max_length=10)),
                ('deadline', models.DateField()),
                ('sent_at', models.DateTimeField(auto_now_add=True)),
                ('recipients', models.TextField(blank=True)),
                ('cluster_year', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='clusters.clusteryear')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('cluster_year', 'kind', 'deadline'), name='one_reminder_per_deadline')],
            },
        ),
        migrations.AddConstraint(
            model_name='decision',
            constraint=models.UniqueConstraint(fields=('ministry', 'year', 'number'), name='decision_number_per_body_and_year'),
        ),
    ]
