"""The documents app's tables. They replace the migrations of before (listed in `replaces`, but for
their 0001_initial: the same name, recorded already): a database they migrated has all of this
already and takes this one as applied."""

import django.db.models.deletion
import django.utils.timezone
import documents.models.papers
import emulation.bounds
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("documents", "0002_reports_moved_from_emulation"),
        ("documents", "0003_reports_tables_renamed"),
        ("documents", "0004_paper_version_issued"),
        ("documents", "0005_number_issued_at_event_time"),
        ("documents", "0006_achievement_report_goes_with_its_line"),
        ("documents", "0007_signed_copy"),
    ]

    dependencies = [
        ('awards', '0001_initial'),
        ('clusters', '0001_initial'),
        ('emulation', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='NumberRegister',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('issuing_body', models.CharField(max_length=200, verbose_name='cơ quan ban hành')),
                ('body_code', models.CharField(help_text='Phần sau dấu gạch ngang của ký hiệu, ví dụ “CTĐ2”, “BTP”, “HĐTĐKT”.', max_length=30, verbose_name='chữ viết tắt của cơ quan')),
                ('year', models.PositiveSmallIntegerField(validators=[emulation.bounds.validate_year], verbose_name='năm')),
                ('type_code', models.CharField(choices=[('BC', 'Báo cáo'), ('TTr', 'Tờ trình'), ('BB', 'Biên bản'), ('QĐ', 'Quyết định')], max_length=10, verbose_name='loại văn bản')),
                ('last_number', models.PositiveIntegerField(default=0, verbose_name='số đã cấp gần nhất')),
                ('cluster', models.ForeignKey(blank=True, help_text='Để trống khi cơ quan ban hành là bộ hoặc hội đồng của bộ.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='clusters.cluster', verbose_name='cụm thi đua')),
                ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='emulation.ministry', verbose_name='bộ')),
            ],
            options={
                'verbose_name': 'sổ đăng ký văn bản',
                'verbose_name_plural': 'sổ đăng ký văn bản',
                'ordering': ['ministry', '-year', 'body_code', 'type_code'],
            },
        ),
        migrations.CreateModel(
            name='Paper',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('place', models.CharField(blank=True, max_length=100, verbose_name='địa danh')),
                ('issued_on', models.DateField(blank=True, null=True, verbose_name='ngày ban hành')),
                ('summary', models.CharField(blank=True, max_length=300, verbose_name='trích yếu')),
                ('signer_on_behalf', models.CharField(blank=True, max_length=200, verbose_name='thẩm quyền ký')),
                ('signer_title', models.CharField(blank=True, max_length=200, verbose_name='chức vụ người ký')),
                ('signer_name', models.CharField(blank=True, max_length=100, verbose_name='họ tên người ký')),
                ('recipients', models.TextField(blank=True, verbose_name='nơi nhận')),
                ('kind', models.CharField(choices=[('cover_submission', 'Tờ trình đề nghị khen thưởng của cụm'), ('minutes', 'Biên bản hội nghị tổng kết cụm'), ('achievement_report', 'Báo cáo thành tích'), ('decision', 'Quyết định khen thưởng'), ('upward_submission', 'Tờ trình của bộ gửi Bộ Nội vụ')], max_length=30, verbose_name='loại văn bản')),
                ('year', models.PositiveSmallIntegerField(validators=[emulation.bounds.validate_year], verbose_name='năm')),
                ('sections', models.JSONField(blank=True, default=dict, verbose_name='nội dung soạn thảo')),
                ('version', models.PositiveIntegerField(default=1)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('cluster_year', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='papers', to='clusters.clusteryear')),
                ('decision', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='paper', to='awards.decision')),
                ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='emulation.ministry', verbose_name='bộ')),
                ('nomination', models.OneToOneField(blank=True, null=True, on_delete=documents.models.papers.with_the_line_unless_numbered, related_name='achievement_report', to='awards.nomination')),
                ('upward_dossier', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='paper', to='awards.upwarddossier')),
            ],
            options={
                'verbose_name': 'văn bản',
                'verbose_name_plural': 'văn bản',
                'ordering': ['-year', 'kind', 'id'],
            },
        ),
        migrations.CreateModel(
            name='PaperVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('request_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('status', models.CharField(choices=[('queued', 'Đang chờ'), ('building', 'Đang tạo'), ('ready', 'Đã xong'), ('failed', 'Lỗi')], default='queued', max_length=10, verbose_name='trạng thái')),
                ('error_message', models.TextField(blank=True, verbose_name='lỗi')),
                ('requested_at', models.DateTimeField(auto_now_add=True, verbose_name='yêu cầu lúc')),
                ('generated_at', models.DateTimeField(blank=True, null=True, verbose_name='tạo xong lúc')),
                ('data_version', models.CharField(blank=True, max_length=64, verbose_name='phiên bản dữ liệu')),
                ('sha256', models.CharField(blank=True, max_length=64, verbose_name='mã kiểm tra SHA-256')),
                ('size', models.PositiveIntegerField(blank=True, null=True, verbose_name='dung lượng (byte)')),
                ('lease_holder', models.CharField(blank=True, max_length=200, verbose_name='tiến trình đang tạo')),
                ('lease_token', models.UUIDField(blank=True, editable=False, null=True)),
                ('leased_at', models.DateTimeField(blank=True, null=True, verbose_name='bắt đầu tạo lúc')),
                ('lease_expires_at', models.DateTimeField(blank=True, null=True, verbose_name='hết hạn giữ lúc')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='số lần tạo')),
                ('source', models.CharField(choices=[('generated', 'Do hệ thống tạo'), ('uploaded', 'Tải lên (đã ký ở nơi khác)')], default='generated', max_length=10, verbose_name='nguồn')),
                ('issued', models.BooleanField(default=False, verbose_name='bản ban hành')),
                ('file', models.FileField(blank=True, upload_to='papers/', verbose_name='tệp PDF')),
                ('docx', models.FileField(blank=True, upload_to='papers/', verbose_name='tệp DOCX')),
                ('code', models.CharField(default=documents.models.papers.new_verification_code, max_length=12, unique=True, verbose_name='mã xác thực')),
                ('signature', models.CharField(blank=True, choices=[('', 'Chưa ký số'), ('valid', 'Chữ ký số hợp lệ'), ('untrusted', 'Chữ ký toàn vẹn, chứng thư chưa được tin cậy')], default='', max_length=10, verbose_name='chữ ký số')),
                ('signer', models.CharField(blank=True, max_length=300, verbose_name='người ký số')),
                ('signed_at', models.DateTimeField(blank=True, null=True, verbose_name='ký lúc')),
                ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='thu hồi lúc')),
                ('revoke_reason', models.CharField(blank=True, max_length=300, verbose_name='lý do thu hồi')),
                ('paper', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='documents.paper')),
                ('requested_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('revoked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('signed_copy_of', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='signed_copies', to='documents.paperversion', verbose_name='bản ký số của')),
            ],
            options={
                'verbose_name': 'bản văn bản',
                'verbose_name_plural': 'các bản văn bản',
                'ordering': ['-requested_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='RegisteredNumber',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(verbose_name='số')),
                ('summary', models.CharField(blank=True, max_length=300, verbose_name='trích yếu')),
                ('issued_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='cấp lúc')),
                ('cancelled_at', models.DateTimeField(blank=True, null=True, verbose_name='hủy lúc')),
                ('cancel_reason', models.CharField(blank=True, max_length=300, verbose_name='lý do hủy số')),
                ('cancelled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('issued_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('register', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='numbers', to='documents.numberregister', verbose_name='sổ')),
            ],
            options={
                'verbose_name': 'số văn bản',
                'verbose_name_plural': 'số văn bản',
                'ordering': ['register', 'number'],
            },
        ),
        migrations.AddField(
            model_name='paper',
            name='number',
            field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='paper', to='documents.registerednumber', verbose_name='số, ký hiệu'),
        ),
        migrations.CreateModel(
            name='YearEndReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('place', models.CharField(blank=True, max_length=100, verbose_name='địa danh')),
                ('issued_on', models.DateField(blank=True, null=True, verbose_name='ngày ban hành')),
                ('summary', models.CharField(blank=True, max_length=300, verbose_name='trích yếu')),
                ('signer_on_behalf', models.CharField(blank=True, max_length=200, verbose_name='thẩm quyền ký')),
                ('signer_title', models.CharField(blank=True, max_length=200, verbose_name='chức vụ người ký')),
                ('signer_name', models.CharField(blank=True, max_length=100, verbose_name='họ tên người ký')),
                ('recipients', models.TextField(blank=True, verbose_name='nơi nhận')),
                ('kind', models.CharField(choices=[('cluster', 'Báo cáo tổng kết của cụm'), ('ministry', 'Báo cáo tổng kết toàn bộ, ngành')], max_length=10, verbose_name='loại')),
                ('year', models.PositiveSmallIntegerField(validators=[emulation.bounds.validate_year], verbose_name='năm')),
                ('organisation', models.TextField(blank=True, verbose_name='Công tác tổ chức các phong trào thi đua')),
                ('results', models.TextField(blank=True, verbose_name='Kết quả đạt được')),
                ('shortcomings', models.TextField(blank=True, verbose_name='Tồn tại, hạn chế và nguyên nhân')),
                ('lessons', models.TextField(blank=True, verbose_name='Bài học kinh nghiệm')),
                ('direction', models.TextField(blank=True, verbose_name='Phương hướng, nhiệm vụ năm tới')),
                ('superior_body', models.CharField(blank=True, max_length=200, verbose_name='cơ quan chủ quản')),
                ('issuing_body', models.CharField(blank=True, max_length=200, verbose_name='cơ quan ban hành')),
                ('number', models.CharField(blank=True, max_length=50, verbose_name='số, ký hiệu')),
                ('version', models.PositiveIntegerField(default=1)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('cluster_year', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='year_end_report', to='clusters.clusteryear')),
                ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='year_end_reports', to='emulation.ministry')),
            ],
            options={
                'verbose_name': 'báo cáo tổng kết',
                'verbose_name_plural': 'báo cáo tổng kết',
                'ordering': ['-year', 'kind', 'id'],
            },
        ),
        migrations.CreateModel(
            name='ReportVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('request_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('status', models.CharField(choices=[('queued', 'Đang chờ'), ('building', 'Đang tạo'), ('ready', 'Đã xong'), ('failed', 'Lỗi')], default='queued', max_length=10, verbose_name='trạng thái')),
                ('error_message', models.TextField(blank=True, verbose_name='lỗi')),
                ('requested_at', models.DateTimeField(auto_now_add=True, verbose_name='yêu cầu lúc')),
                ('generated_at', models.DateTimeField(blank=True, null=True, verbose_name='tạo xong lúc')),
                ('data_version', models.CharField(blank=True, max_length=64, verbose_name='phiên bản dữ liệu')),
                ('sha256', models.CharField(blank=True, max_length=64, verbose_name='mã kiểm tra SHA-256')),
                ('size', models.PositiveIntegerField(blank=True, null=True, verbose_name='dung lượng (byte)')),
                ('lease_holder', models.CharField(blank=True, max_length=200, verbose_name='tiến trình đang tạo')),
                ('lease_token', models.UUIDField(blank=True, editable=False, null=True)),
                ('leased_at', models.DateTimeField(blank=True, null=True, verbose_name='bắt đầu tạo lúc')),
                ('lease_expires_at', models.DateTimeField(blank=True, null=True, verbose_name='hết hạn giữ lúc')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='số lần tạo')),
                ('file', models.FileField(blank=True, upload_to='reports/', verbose_name='tệp PDF')),
                ('requested_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='documents.yearendreport')),
            ],
            options={
                'verbose_name': 'bản báo cáo',
                'verbose_name_plural': 'các bản báo cáo',
                'ordering': ['-requested_at', '-id'],
            },
        ),
        migrations.AddConstraint(
            model_name='numberregister',
            constraint=models.UniqueConstraint(fields=('ministry', 'body_code', 'year', 'type_code'), name='one_register_per_body_year_type'),
        ),
        migrations.AddConstraint(
            model_name='registerednumber',
            constraint=models.UniqueConstraint(fields=('register', 'number'), name='number_once_per_register'),
        ),
        migrations.AddConstraint(
            model_name='registerednumber',
            constraint=models.CheckConstraint(condition=models.Q(('number__gte', 1)), name='number_from_one'),
        ),
        migrations.AddConstraint(
            model_name='paper',
            constraint=models.UniqueConstraint(condition=models.Q(('kind__in', ['cover_submission', 'minutes'])), fields=('kind', 'cluster_year'), name='one_cluster_paper_per_kind'),
        ),
        migrations.AddConstraint(
            model_name='paper',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind__in', ['cover_submission', 'minutes']), _negated=True), ('cluster_year__isnull', False), _connector='OR'), name='cluster_paper_has_cluster_year'),
        ),
        migrations.AddConstraint(
            model_name='paper',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'achievement_report'), _negated=True), ('nomination__isnull', False), _connector='OR'), name='achievement_report_has_nomination'),
        ),
        migrations.AddConstraint(
            model_name='paper',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'decision'), _negated=True), ('decision__isnull', False), _connector='OR'), name='decision_paper_has_decision'),
        ),
        migrations.AddConstraint(
            model_name='paper',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'upward_submission'), _negated=True), ('upward_dossier__isnull', False), _connector='OR'), name='upward_paper_has_dossier'),
        ),
        migrations.AddConstraint(
            model_name='yearendreport',
            constraint=models.UniqueConstraint(condition=models.Q(('kind', 'ministry')), fields=('ministry', 'year'), name='one_ministry_report_per_year'),
        ),
        migrations.AddConstraint(
            model_name='yearendreport',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('cluster_year__isnull', True), ('kind', 'ministry')), models.Q(('cluster_year__isnull', False), ('kind', 'cluster')), _connector='OR'), name='report_kind_matches_scope'),
        ),
    ]
