"""The units app's tables. They replace the migrations of before (listed in `replaces`, but for
their 0001_initial: the same name, recorded already): a database they migrated has all of this
already and takes this one as applied."""

import django.db.models.deletion
import emulation.bounds
import emulation.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("units", "0002_found_unit_version"),
        ("units", "0002_people"),
        ("units", "0003_merge_0002_found_unit_version_0002_people"),
        ("units", "0004_tiebreak_women_count"),
        ("units", "0005_onboard_codes"),
        ("units", "0006_levels_unit_head_decisions"),
        ("units", "0007_rules_initiative_nationwide"),
        ("units", "0008_year_bounds"),
    ]

    dependencies = [
        ('emulation', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='Unit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(blank=True, error_messages={'unique': 'Mã này đã được dùng cho một đơn vị khác.'}, help_text='Mã ổn định bộ, ngành dùng cho đơn vị (ví dụ mã đơn vị có quan hệ với ngân sách); nhập, xuất Excel khớp theo mã này.', max_length=30, null=True, unique=True, verbose_name='mã đơn vị')),
                ('name', emulation.fields.VietnameseCharField(max_length=200, verbose_name='tên đơn vị')),
                ('short_name', models.CharField(blank=True, max_length=50, verbose_name='tên viết tắt')),
                ('kind', models.CharField(choices=[('university', 'Trường đại học'), ('academy', 'Học viện'), ('newspaper', 'Báo'), ('institute', 'Viện'), ('journal', 'Tạp chí'), ('publisher', 'Nhà xuất bản'), ('school', 'Trường trung cấp'), ('college', 'Trường cao đẳng'), ('department', 'Cục, vụ'), ('other', 'Khác')], default='other', max_length=20, verbose_name='loại hình')),
                ('is_active', models.BooleanField(default=True, verbose_name='đang hoạt động')),
                ('version', models.PositiveIntegerField(default=1)),
                ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='units', to='emulation.ministry', verbose_name='bộ, ngành')),
                ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='units.unit', verbose_name='cơ quan cấp trên')),
            ],
            options={
                'verbose_name': 'đơn vị',
                'verbose_name_plural': 'đơn vị',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Person',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(blank=True, error_messages={'unique': 'Mã này đã được dùng cho một người khác.'}, help_text='Mã cán bộ hoặc số định danh cá nhân bộ, ngành dùng; nhập Excel khớp theo mã.', max_length=30, null=True, unique=True, verbose_name='mã cá nhân')),
                ('full_name', emulation.fields.VietnameseCharField(max_length=100, verbose_name='họ và tên')),
                ('position', models.CharField(blank=True, max_length=150, verbose_name='chức vụ')),
                ('gender', models.CharField(choices=[('female', 'Nữ'), ('male', 'Nam')], max_length=10, verbose_name='giới tính')),
                ('version', models.PositiveIntegerField(default=1)),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='people', to='units.unit', verbose_name='đơn vị')),
            ],
            options={
                'verbose_name': 'cá nhân',
                'verbose_name_plural': 'cá nhân',
                'ordering': ['unit', 'full_name'],
            },
        ),
        migrations.CreateModel(
            name='UnitHeadDecision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(validators=[emulation.bounds.validate_year], verbose_name='năm thành tích')),
                ('number', models.CharField(max_length=50, verbose_name='số quyết định')),
                ('dated', models.DateField(verbose_name='ngày quyết định')),
                ('recorded_at', models.DateTimeField(auto_now_add=True)),
                ('award_title', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='emulation.awardtitle', verbose_name='danh hiệu, hình thức')),
                ('person', models.ForeignKey(blank=True, help_text='Để trống nếu danh hiệu tặng cho tập thể đơn vị.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='head_decisions', to='units.person', verbose_name='cá nhân')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='head_decisions', to='units.unit', verbose_name='đơn vị')),
            ],
            options={
                'verbose_name': 'quyết định của thủ trưởng đơn vị',
                'verbose_name_plural': 'quyết định của thủ trưởng đơn vị',
                'ordering': ['-year', 'person', 'id'],
            },
        ),
        migrations.CreateModel(
            name='UnitYear',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(validators=[emulation.bounds.validate_year], verbose_name='năm')),
                ('task_rating', models.CharField(blank=True, choices=[('excellent', 'Hoàn thành xuất sắc nhiệm vụ'), ('good', 'Hoàn thành tốt nhiệm vụ'), ('completed', 'Hoàn thành nhiệm vụ'), ('not_completed', 'Không hoàn thành nhiệm vụ')], max_length=15, verbose_name='xếp loại nhiệm vụ của tập thể')),
                ('staff_count', models.PositiveIntegerField(blank=True, null=True, verbose_name='tổng số thành viên')),
                ('completed_count', models.PositiveIntegerField(blank=True, null=True, verbose_name='số thành viên hoàn thành nhiệm vụ')),
                ('advanced_count', models.PositiveIntegerField(blank=True, null=True, verbose_name='số Lao động tiên tiến')),
                ('grassroots_fighter_count', models.PositiveIntegerField(blank=True, null=True, verbose_name='số Chiến sĩ thi đua cơ sở')),
                ('disciplined_count', models.PositiveIntegerField(blank=True, help_text='Khiển trách không tính: không cản trở danh hiệu Tập thể lao động tiên tiến.', null=True, verbose_name='số thành viên bị kỷ luật từ cảnh cáo trở lên')),
                ('women_count', models.PositiveIntegerField(blank=True, help_text='Dùng khi bằng phiếu: ưu tiên tập thể có từ 70% nữ trở lên.', null=True, verbose_name='số thành viên nữ')),
                ('pending_review', models.BooleanField(default=False, verbose_name='đang bị điều tra, thanh tra, kiểm tra hoặc khiếu nại')),
                ('version', models.PositiveIntegerField(default=1)),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='year_records', to='units.unit')),
            ],
            options={
                'verbose_name': 'số liệu năm của đơn vị',
                'verbose_name_plural': 'số liệu năm của đơn vị',
                'ordering': ['unit', '-year'],
            },
        ),
        migrations.CreateModel(
            name='PersonYear',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(validators=[emulation.bounds.validate_year], verbose_name='năm')),
                ('task_rating', models.CharField(blank=True, choices=[('excellent', 'Hoàn thành xuất sắc nhiệm vụ'), ('good', 'Hoàn thành tốt nhiệm vụ'), ('completed', 'Hoàn thành nhiệm vụ'), ('not_completed', 'Không hoàn thành nhiệm vụ')], max_length=15, verbose_name='xếp loại nhiệm vụ')),
                ('has_initiative', models.BooleanField(default=False, verbose_name='có sáng kiến được công nhận')),
                ('initiative_ministry_wide', models.BooleanField(default=False, verbose_name='sáng kiến có phạm vi ảnh hưởng toàn ngành')),
                ('initiative_nationwide', models.BooleanField(default=False, verbose_name='sáng kiến có phạm vi ảnh hưởng toàn quốc')),
                ('research_accepted', models.BooleanField(default=False, verbose_name='có đề tài nghiên cứu được nghiệm thu')),
                ('discipline_level', models.CharField(blank=True, choices=[('', 'Không'), ('reprimand', 'Khiển trách'), ('warning', 'Cảnh cáo'), ('demotion', 'Hạ bậc lương, giáng chức'), ('dismissal', 'Cách chức, buộc thôi việc')], max_length=15, verbose_name='hình thức kỷ luật')),
                ('discipline_start', models.DateField(blank=True, null=True, verbose_name='kỷ luật từ ngày')),
                ('discipline_end', models.DateField(blank=True, null=True, verbose_name='kỷ luật đến ngày')),
                ('pending_review', models.BooleanField(default=False, verbose_name='đang bị điều tra, thanh tra, kiểm tra hoặc khiếu nại')),
                ('pending_note', models.CharField(blank=True, max_length=300, verbose_name='ghi chú')),
                ('version', models.PositiveIntegerField(default=1)),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='years', to='units.person')),
                ('prior_titles', models.ManyToManyField(blank=True, help_text='Danh hiệu nhận trước khi dùng phần mềm; khen thưởng ghi trong phần mềm được tính tự động.', related_name='+', to='emulation.awardtitle', verbose_name='danh hiệu đã nhận (nhập tay)')),
            ],
            options={
                'verbose_name': 'hồ sơ năm của cá nhân',
                'verbose_name_plural': 'hồ sơ năm của cá nhân',
                'ordering': ['person', '-year'],
                'constraints': [models.UniqueConstraint(fields=('person', 'year'), name='one_person_year'), models.CheckConstraint(condition=models.Q(('discipline_end__isnull', True), ('discipline_start__isnull', True), ('discipline_end__gte', models.F('discipline_start')), _connector='OR'), name='discipline_end_after_start')],
            },
        ),
        migrations.AddConstraint(
            model_name='unit',
            constraint=models.UniqueConstraint(fields=('ministry', 'name'), name='unit_name_per_ministry'),
        ),
        migrations.AddConstraint(
            model_name='unitheaddecision',
            constraint=models.UniqueConstraint(fields=('unit', 'person', 'year', 'award_title'), name='one_head_decision_per_title_year', nulls_distinct=False),
        ),
        migrations.AddConstraint(
            model_name='unityear',
            constraint=models.UniqueConstraint(fields=('unit', 'year'), name='one_unit_year'),
        ),
    ]
